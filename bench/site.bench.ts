/**
 * The site's weight and speed: gzipped bytes of each page's HTML, scripts and stylesheet and of
 * widget.js, and the first contentful paint of the agency page in headless Chromium with the CPU
 * slowed 4× (Chrome DevTools Protocol), median of 5 cold loads, against a bare HTML page measured
 * the same way in the same run.
 */
import { gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { createApp } from '../functions/api/full-app.js'
import { refreshingIndex } from '../functions/api/search-index.js'
import { loadSearchEntries } from '../functions/api/search-source.js'
import { silentLog } from '../functions/log.js'
import { rerateAll } from '../functions/rate/rerate.js'
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.js'
import { DEFAULT_METHODOLOGY } from '../shared/rating/methodologies/index.js'
import { pinyinOf } from '../shared/search/pinyin.js'
import { localSigner } from '../shared/signing/local-signer.js'
import { createClients } from '../shared/store/clients.js'
import { ensureTable } from '../shared/store/ensure-table.js'
import { createStore } from '../shared/store/store.js'
import { buildSite } from '../site/build.js'
import { launchChromium, serveOnLoopback } from '../test/fixtures/browser.js'
import { benchData } from './fixtures.js'
import type { MacroBench } from './harness.js'

const RUNS = 5
const NOW = new Date('2026-12-04T02:00:00.000Z')
const JS_BUDGET = 35 * 1024
const WIDGET_BUDGET = 6 * 1024

const gz = (body: Uint8Array | string) => gzipSync(body, { level: 9 }).length
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

const bench: MacroBench = {
  kind: 'macro',
  name: 'site',
  description: `gzipped page weights, and first contentful paint of the agency page with the CPU slowed 4× (median of ${RUNS} cold loads); baseline = a bare HTML page loaded the same way`,
  async run() {
    const db = await startDynamoDbLocal()
    const browser = await launchChromium()
    try {
      const clients = createClients(db.endpoint)
      await ensureTable(clients.client, 'bench')
      const store = createStore({ documentClient: clients.documentClient, tableName: 'bench' })
      const data = benchData(200, 10)
      await store.importAgencies({
        agencies: data.map((d) => d.agency),
        records: data.flatMap((d) => d.records),
      })
      await rerateAll({ store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => NOW }, NOW, {
        job: 'b',
      })
      const site = await buildSite()
      const app = createApp({
        ping: () => store.ping(),
        now: () => NOW,
        demo: true,
        store,
        search: refreshingIndex(() => loadSearchEntries(store, pinyinOf), { maxAgeMs: 60_000 }),
        signer: await localSigner(`${process.cwd()}/.build/bench-site-key.jwk.json`),
        methodology: DEFAULT_METHODOLOGY,
        log: silentLog,
        site,
      })
      const server = await serveOnLoopback(app)
      const bare = await serveOnLoopback(
        new Hono().get('/', (c) =>
          c.html('<!doctype html><html lang="en"><title>bare</title><p>Hello</p></html>'),
        ),
      )
      // The heaviest agency page among the first 50 agencies.
      let heaviest = ''
      let heaviestBytes = 0
      for (const { agency } of data.slice(0, 50)) {
        const bytes = (await (await fetch(`${server.url}/a/${agency.uscc}`)).text()).length
        if (bytes > heaviestBytes) [heaviest, heaviestBytes] = [agency.uscc, bytes]
      }
      const pages = {
        home: '/',
        search: `/?q=${encodeURIComponent(data[0]?.agency.name.slice(0, 2) ?? '人力')}`,
        agency: `/a/${heaviest}`,
        methodology: '/methodology',
        stats: '/stats',
        openData: '/open-data',
        embed: `/embed?uscc=${heaviest}`,
      }
      const assetSize = (path: string) => gz(site.files.get(path)?.body ?? new Uint8Array())
      const weights: Record<string, { html: number; js: number; css: number; withinJsBudget: boolean }> = {}
      for (const [name, path] of Object.entries(pages)) {
        const res = await fetch(`${server.url}${path}`)
        if (!res.ok) throw new Error(`${path} answered ${res.status}`)
        const html = await res.text()
        const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] as string)
        const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] as string)
        const js = scripts.reduce((n, s) => n + assetSize(s), 0)
        weights[name] = {
          html: gz(html),
          js,
          css: styles.reduce((n, s) => n + assetSize(s), 0),
          withinJsBudget: js <= JS_BUDGET,
        }
      }
      const widget = assetSize('/widget.js')

      const fcp = async (url: string) => {
        const samples: number[] = []
        for (let i = 0; i < RUNS; i++) {
          const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
          const page = await context.newPage()
          const cdp = await context.newCDPSession(page)
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
          await page.goto(url, { waitUntil: 'load' })
          const value = await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const seen = performance.getEntriesByName('first-contentful-paint')[0]
                if (seen) return resolve(seen.startTime)
                new PerformanceObserver((list) => {
                  const entry = list.getEntriesByName('first-contentful-paint')[0]
                  if (entry) resolve(entry.startTime)
                }).observe({ type: 'paint', buffered: true })
              }),
          )
          samples.push(value)
          await context.close()
        }
        return samples
      }
      const agencyFcp = await fcp(`${server.url}${pages.agency}`)
      const bareFcp = await fcp(`${bare.url}/`)
      await server.close()
      await bare.close()
      const agencyMedian = Math.round(median(agencyFcp))
      const bareMedian = Math.round(median(bareFcp))
      return {
        gzippedBytes: weights,
        widgetJsGzippedBytes: widget,
        widgetWithinBudget: widget <= WIDGET_BUDGET,
        agencyPageFcp: { medianMs: agencyMedian, samplesMs: agencyFcp.map(Math.round) },
        bareHtmlFcp: { medianMs: bareMedian, samplesMs: bareFcp.map(Math.round) },
        agencyToBareFcpRatio: Number((agencyMedian / bareMedian).toFixed(2)),
        goals:
          'JS ≤ 35 KB gzipped per page, widget.js ≤ 6 KB gzipped, agency page FCP ≤ 1.0 s with CPU 4× slower',
      }
    } finally {
      await browser.close()
      await db.stop()
    }
  },
}

export default bench
