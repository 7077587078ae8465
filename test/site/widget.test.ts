/**
 * widget.js on other sites, in Chromium: served from a different origin under a strict CSP that
 * allows only our origin, it renders the card, links back, keeps its reserved height, warns on a
 * domain the agency did not register (and not on one it did), greys itself when stale, and shows
 * hostile names as text.
 */
import { Hono } from 'hono'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../functions/api/full-app.js'
import { launchChromium, serveOnLoopback } from '../fixtures/browser.js'
import { HOSTILE, HOSTILE_USCC, siteFixture } from './fixture.js'

let site: Awaited<ReturnType<typeof siteFixture>>
let browser: Browser
let host: Awaited<ReturnType<typeof serveOnLoopback>>
let staleSite: Awaited<ReturnType<typeof serveOnLoopback>>
let agency: { uscc: string; name: string; domain: string }

/** A host page embedding the widget from `origin`, with a CSP that allows only that origin. */
function hostPage(origin: string, uscc: string, lang = 'zh') {
  const csp = `default-src 'none'; script-src ${origin}; connect-src ${origin}; img-src ${origin}; style-src 'none'; frame-src ${origin}`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency site</title>
<meta http-equiv="Content-Security-Policy" content="${csp}"></head>
<body><h1>Welcome</h1><p id="before">Above the widget</p>
<script src="${origin}/widget.js" data-uscc="${uscc}" data-lang="${lang}" async></script>
<p id="after">Below the widget</p></body></html>`
}

beforeAll(async () => {
  ;[site, browser] = await Promise.all([siteFixture(), launchChromium()])
  const entries = await site.api.deps.search.entries()
  const profiles = await Promise.all(
    entries.filter((e) => e.grade !== 'NR').map((e) => site.api.table.store.getAgency(e.uscc)),
  )
  const withDomain = profiles.find((p) => p?.domains?.length && p.uscc !== HOSTILE_USCC)
  agency = {
    uscc: withDomain?.uscc ?? '',
    name: withDomain?.name ?? '',
    domain: withDomain?.domains?.[0] ?? '',
  }
  // The same data read two years on, when every rating is past its validUntil.
  staleSite = await serveOnLoopback(
    createApp({ ...site.api.deps, now: () => new Date('2029-01-01T00:00:00Z') }),
  )
  const app = new Hono()
    .get('/page', (c) => {
      const origin = c.req.query('origin') ?? site.server.url
      return c.html(hostPage(origin, c.req.query('uscc') ?? '', c.req.query('lang') ?? 'zh'))
    })
    .get('/frame', (c) =>
      c.html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head><body><iframe src="${site.server.url}/embed/card/${c.req.query('uscc')}?lang=en" title="Chengxin" width="320" height="112"></iframe></body></html>`,
      ),
    )
  host = await serveOnLoopback(app)
}, 90_000)
afterAll(async () => {
  await browser?.close()
  await host?.close()
  await staleSite?.close()
  await site?.close()
})

/** Opens a host page at `hostName` (localhost, or a registered *.example name) and reads the card. */
async function card(hostName: string, uscc: string, origin = site.server.url, lang = 'zh') {
  const page = await browser.newPage({ viewport: { width: 375, height: 700 } })
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('Content Security Policy')) problems.push(m.text())
  })
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.message()}`)
    void d.dismiss()
  })
  const before = { y: 0 }
  await page.goto(
    `http://${hostName}:${host.port}/page?uscc=${uscc}&origin=${encodeURIComponent(origin)}&lang=${lang}`,
  )
  before.y = await page.locator('#after').evaluate((e) => e.getBoundingClientRect().top)
  await page.waitForFunction(() => {
    const text = document.querySelector('#before + div')?.shadowRoot?.querySelector('.n')?.textContent
    return text && !text.includes('…')
  })
  const read = await page.evaluate(() => {
    const root = document.querySelector('#before + div')?.shadowRoot
    const link = root?.querySelector('a')
    return {
      name: root?.querySelector('.n')?.textContent ?? '',
      date: root?.querySelector('.d')?.textContent ?? '',
      warning: root?.querySelector('.w')?.textContent ?? '',
      href: link?.getAttribute('href') ?? '',
      label: link?.getAttribute('aria-label') ?? '',
      gradeColour: getComputedStyle(root?.querySelector('.g') as Element).backgroundColor,
      cookies: document.cookie,
      pwned: (window as unknown as { __pwned?: number }).__pwned,
    }
  })
  const after = await page.locator('#after').evaluate((e) => e.getBoundingClientRect().top)
  await page.screenshot({ path: `test-results/widget-${hostName.replace(/\W/g, '_')}-${uscc.slice(-4)}.png` })
  await page.close()
  return { ...read, shift: after - before.y, problems }
}

describe('widget.js on another site', () => {
  it('renders under a strict CSP, links back, reserves its height and sets no cookie', async () => {
    const c = await card('localhost', agency.uscc)
    expect(c.problems).toEqual([])
    expect(c.name).toBe(agency.name)
    expect(c.href).toBe(`${site.server.url}/a/${agency.uscc}`)
    expect(c.date).toMatch(/截至 \d{4}-\d{2}-\d{2}/)
    expect(c.label).toContain(agency.name)
    expect(c.shift).toBe(0)
    expect(c.cookies).toBe('')
    // localhost is not the agency's registered domain.
    expect(c.warning).toContain('未登记')
  }, 30_000)

  it('does not warn on a domain the agency registered', async () => {
    const c = await card(agency.domain, agency.uscc, site.server.url, 'en')
    expect(c.problems).toEqual([])
    expect(c.warning).toBe('')
    expect(c.date).toMatch(/as of \d{4}-\d{2}-\d{2}/)
  }, 30_000)

  it('greys itself when the rating is out of date', async () => {
    const fresh = await card(agency.domain, agency.uscc)
    const stale = await card(agency.domain, agency.uscc, staleSite.url)
    expect(stale.date).toContain('已过期')
    expect(stale.gradeColour).toBe('rgb(110, 119, 129)')
    expect(fresh.gradeColour).not.toBe('rgb(110, 119, 129)')
  }, 30_000)

  it('works as an iframe card too, judging the domain of the page that frames it', async () => {
    const page = await browser.newPage()
    await page.goto(`http://localhost:${host.port}/frame?uscc=${agency.uscc}`)
    const frame = page.frames().find((f) => f.url().includes('/embed/card/'))
    await frame?.waitForFunction(() => {
      const text = document.querySelector('div')?.shadowRoot?.querySelector('.n')?.textContent
      return text && !text.includes('…')
    })
    const read = await frame?.evaluate(() => {
      const root = document.querySelector('div')?.shadowRoot
      return { name: root?.querySelector('.n')?.textContent, warning: root?.querySelector('.w')?.textContent }
    })
    expect(read).toEqual({ name: agency.name, warning: 'Note: the agency has not registered this site' })
    await page.close()
  }, 30_000)

  it('shows a hostile name as text', async () => {
    const c = await card('localhost', HOSTILE_USCC)
    expect(c.name).toBe(HOSTILE.name)
    expect(c.pwned).toBeUndefined()
    expect(c.problems).toEqual([])
  }, 30_000)
})
