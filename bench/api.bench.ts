/**
 * The public API under load (autocannon on loopback) against a Hono hello world measured in the
 * same run; our badge renderer against shields.io's badge-maker in one process; and the Lambda
 * cold-start proxy: the size of the API bundle and the time a fresh Node process takes to import it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import { makeBadge } from 'badge-maker'
import { silentLog } from '../functions/log.js'
import { rerateAll } from '../functions/rate/rerate.js'
import { bundleFunction } from '../infra/bundle.js'
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.js'
import { gradeBadge } from '../shared/badge/grade-badge.js'
import { renderBadge } from '../shared/badge/render.js'
import { DEFAULT_METHODOLOGY } from '../shared/rating/methodologies/index.js'
import { createClients } from '../shared/store/clients.js'
import { ensureTable } from '../shared/store/ensure-table.js'
import { createStore } from '../shared/store/store.js'
import { benchData } from './fixtures.js'
import { type MacroBench, runSuite } from './harness.js'

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 1_000)
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6)
const CONNECTIONS = 10
const COLD_CONNECTIONS = 4
const IMPORTS = 15
const NOW = new Date('2026-12-04T02:00:00.000Z')
const TABLE = 'bench'

type Server = { url: string; process: ChildProcess }

/** Starts bench/api-server.ts in its own process and waits for its port. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('bench/api-server.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> })
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
    lines.once('line', (line) => resolvePort((JSON.parse(line) as { port: number }).port))
  })
  return { url: `http://127.0.0.1:${port}`, process: child }
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((r) => server.process.once('exit', r))
  server.process.kill('SIGTERM')
  await exited
}

type Load = {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  statusCodes: Record<string, number>
  errors: number
}

/** Drives `paths` (cycled) at `url` for the configured time after a short warm-up. */
async function load(
  url: string,
  paths: string[],
  options: { connections?: number; headers?: Record<string, string> } = {},
): Promise<Load> {
  let next = 0
  const run = (duration: number) =>
    autocannon({
      url,
      connections: options.connections ?? CONNECTIONS,
      duration,
      ...(options.headers ? { headers: options.headers } : {}),
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] as string }),
        },
      ],
    })
  await run(1)
  const result = await run(DURATION_S)
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]),
    ),
    errors: result.errors + result.timeouts,
  }
}

/** Our renderer against badge-maker on the same badges, Chinese and English, in one process. */
function badgeRendering() {
  const inputs = (['zh', 'en'] as const).flatMap((lang) =>
    (['flat', 'flat-square', 'for-the-badge'] as const).map((style) =>
      gradeBadge({
        grade: 'A+',
        name: '广州市南方人力资源服务有限公司',
        asOf: '2026-12-03',
        stale: false,
        lang,
        style,
      }),
    ),
  )
  let i = 0
  const suite = runSuite({
    name: 'badge-render',
    description: 'same label, message, colour and style; three styles × two languages',
    baseline: {
      name: 'badge-maker makeBadge',
      fn: () => {
        const b = inputs[i++ % inputs.length] as (typeof inputs)[number]
        return makeBadge({ label: b.label, message: b.message, color: b.color, style: b.style ?? 'flat' })
      },
    },
    cases: [
      { name: 'renderBadge', fn: () => renderBadge(inputs[i++ % inputs.length] as (typeof inputs)[number]) },
    ],
  })
  // Widths: the badge must be at least as wide as badge-maker's for the same text (no clipping).
  const widthOf = (svg: string) => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1])
  const widths = inputs.map((b) => {
    const ours = widthOf(renderBadge(b))
    const theirs = widthOf(
      makeBadge({ label: b.label, message: b.message, color: b.color, style: b.style ?? 'flat' }),
    )
    return { text: `${b.label} | ${b.message}`, style: b.style, ours, badgeMaker: theirs }
  })
  return {
    badgesPerSecond: { ours: suite.cases[0]?.opsPerSec, badgeMaker: suite.baseline.opsPerSec },
    ratioToBadgeMaker: suite.cases[0]?.ratioToBaseline,
    rmePercent: { ours: suite.cases[0]?.rmePercent, badgeMaker: suite.baseline.rmePercent },
    widths,
    narrowerThanBadgeMaker: widths.filter((w) => w.ours < w.badgeMaker).length,
  }
}

/** Bundle size of the API Lambda and the median time to import it in a fresh Node process. */
async function coldStartProxy(db: { endpoint: string }) {
  // Inside the checkout, so that the SDK (external: the Lambda runtime provides it) resolves.
  const dir = resolve('.build/bench-api')
  try {
    const bundle = join(dir, 'index.mjs')
    const bytes = await bundleFunction('functions/api/handler.ts', bundle)
    const script = `const t0 = performance.now(); await import(${JSON.stringify(bundle)}); console.log(performance.now() - t0)`
    const baselineScript =
      'const t0 = performance.now(); await import("node:http"); console.log(performance.now() - t0)'
    const time = (code: string) => {
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          TABLE_NAME: TABLE,
          AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
          SIGNING_KEY_FILE: join(dir, 'key.jwk.json'),
          AWS_REGION: 'local',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      })
      if (out.status !== 0) throw new Error(`import failed: ${out.stderr}`)
      return Number(out.stdout.trim())
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
    const imports = Array.from({ length: IMPORTS }, () => time(script))
    const baseline = Array.from({ length: IMPORTS }, () => time(baselineScript))
    return {
      bundleKiB: Math.round(bytes / 102.4) / 10,
      importMedianMs: Math.round(median(imports) * 10) / 10,
      nodeHttpImportMedianMs: Math.round(median(baseline) * 10) / 10,
      goal: 'bundle ≤ 400 KB minified, import ≤ 150 ms',
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const bench: MacroBench = {
  kind: 'macro',
  name: 'api',
  description: `public API on loopback (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per case after 1 s warm-up; cold: ${COLD_CONNECTIONS} connections, no hot cache, every request a different agency of ${AGENCIES.toLocaleString('en')} on DynamoDB Local in memory); baseline = a Hono hello world on the same machine, measured before and after`,
  async run() {
    const db = await startDynamoDbLocal()
    const servers: Server[] = []
    try {
      const clients = createClients(db.endpoint)
      await ensureTable(clients.client, TABLE)
      const store = createStore({ documentClient: clients.documentClient, tableName: TABLE })
      const data = benchData(AGENCIES, 10)
      await store.importAgencies({
        agencies: data.map((d) => d.agency),
        records: data.flatMap((d) => d.records),
      })
      await rerateAll({ store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => NOW }, NOW, {
        job: 'bench',
      })
      const usccs = data.map((d) => d.agency.uscc)
      const hot = usccs[0] as string
      console.log(`seeded and rated ${usccs.length} agencies`)

      const env = { AWS_ENDPOINT_URL_DYNAMODB: db.endpoint, TABLE_NAME: TABLE, AWS_REGION: 'local' }
      const hello = await startServer({ BENCH_SERVER: 'hello' })
      const api = await startServer({ ...env, BENCH_SERVER: 'api' })
      const cold = await startServer({ ...env, BENCH_SERVER: 'api', BENCH_HOT_CACHE_MS: '0' })
      servers.push(hello, api, cold)

      const etag = (await fetch(`${api.url}/v1/agencies/${hot}`)).headers.get('etag') ?? ''
      const before = await load(hello.url, ['/'])
      const detail = await load(api.url, [`/v1/agencies/${hot}`])
      const badge = await load(api.url, [`/v1/agencies/${hot}/badge.svg`])
      const notModified = await load(api.url, [`/v1/agencies/${hot}`], { headers: { 'if-none-match': etag } })
      const after = await load(hello.url, ['/'])
      const coldDetail = await load(
        cold.url,
        usccs.map((u) => `/v1/agencies/${u}`),
        { connections: COLD_CONNECTIONS },
      )
      const baseline = Math.round((before.requestsPerSecond + after.requestsPerSecond) / 2)
      const ratio = (l: Load) => Number((l.requestsPerSecond / baseline).toFixed(3))
      console.log('load done; rendering badges and timing imports')
      return {
        agencies: usccs.length,
        baseline: { requestsPerSecond: baseline, before, after },
        detailHot: { ...detail, ratioToBaseline: ratio(detail) },
        badgeHot: { ...badge, ratioToBaseline: ratio(badge) },
        notModified304: { ...notModified, ratioToBaseline: ratio(notModified) },
        detailCold: coldDetail,
        goals: 'hot routes ≥ 0.5 of baseline requests/s with p99 ≤ 10 ms; cold p99 ≤ 25 ms',
        badgeRender: badgeRendering(),
        lambda: await coldStartProxy(db),
      }
    } finally {
      await Promise.all(servers.map(stopServer))
      await db.stop()
    }
  },
}

export default bench
