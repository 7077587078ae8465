/**
 * One measured run for bench/export.bench.ts, in a process of its own so that its peak RSS is its
 * own: `export` publishes N agencies through the export core (a store that replays 1,000 rated demo
 * agencies under fresh codes, so the database is not what is measured); `baseline` writes N rows (1,000 fixed real rows,
 * cycled) to the same gzip and file streams and digests them the same way. Prints JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fsBlobStore } from '../functions/export/blob-store.js'
import { exportOpenData } from '../functions/export/export.js'
import { digestFile, fileSink, teeSink } from '../functions/export/writers.js'
import { silentLog } from '../functions/log.js'
import { toStored } from '../functions/rate/rate-agencies.js'
import { composeUscc } from '../shared/identity/uscc.js'
import { csvLine } from '../shared/open-data/csv.js'
import { exportRow } from '../shared/open-data/row.js'
import { evaluate } from '../shared/rating/evaluate.js'
import { DEFAULT_METHODOLOGY } from '../shared/rating/methodologies/index.js'
import { localSigner } from '../shared/signing/local-signer.js'
import type { ExportItem } from '../shared/store/store.js'
import { benchData } from './fixtures.js'

const mode = process.argv[2]
const total = Number(process.argv[3] ?? 100_000)
const NOW = new Date('2026-12-04T02:00:00.000Z')
const CHUNK = 1000

const data = benchData(CHUNK, 10)
const groups = data.map(({ agency, records }) => ({
  agency,
  rating: toStored(agency, evaluate({ agency, records }, DEFAULT_METHODOLOGY, NOW), 1),
  records,
}))

/** Page `page` of the replay: the 1,000 groups under codes of their own. */
function pageItems(page: number): ExportItem[] {
  const items: ExportItem[] = []
  groups.forEach((g, i) => {
    const n = page * CHUNK + i
    const body = n
      .toString(36)
      .toUpperCase()
      .padStart(8, '0')
      .replace(/[IOSVZ]/g, 'X')
    const uscc = composeUscc('9', '1', g.agency.region, body)
    items.push({ ...g.agency, uscc, entity: 'Agency' })
    items.push({
      ...(g.rating as unknown as Extract<ExportItem, { entity: 'Rating' }>),
      uscc,
      entity: 'Rating',
    })
    for (const r of g.records) items.push({ ...r, uscc, entity: 'CreditRecord' })
  })
  return items
}

const work = await mkdtemp(join(tmpdir(), 'chengxin-export-bench-'))
const started = performance.now()
let rows = 0
if (mode === 'export') {
  const pages = Math.ceil(total / CHUNK)
  const result = await exportOpenData(
    {
      store: {
        async scanExport(segment, _segments, page) {
          if (segment > 0) return { items: [] }
          const at = Number(page?.cursor ?? 0)
          return { items: pageItems(at), ...(at + 1 < pages ? { next: String(at + 1) } : {}) }
        },
      },
      blobs: fsBlobStore(join(work, 'out')),
      signer: await localSigner(join(work, 'key.jwk.json')),
      methodology: DEFAULT_METHODOLOGY,
      log: silentLog,
      now: () => NOW,
    },
    { segments: 1 },
  )
  if (!result.published) throw new Error(result.reason)
  rows = result.manifest.rows
} else {
  // 1,000 fixed rows, cycled: real rows' bytes (one row repeated would compress unrealistically fast).
  const fixed = groups.map((g) => {
    const row = exportRow(g.agency, g.rating as never, g.records, NOW)
    return { line: JSON.stringify(row), csv: csvLine(row) }
  })
  const path = (name: string) => join(work, name)
  const sinks = [
    teeSink(fileSink(path('ratings.json')), fileSink(path('ratings.json.gz'), true)),
    fileSink(path('ratings.jsonl.gz'), true),
    fileSink(path('ratings.csv')),
    fileSink(path('search-index.json')),
    fileSink(path('delta-1d.jsonl.gz'), true),
    fileSink(path('delta-7d.jsonl.gz'), true),
    fileSink(path('delta-31d.jsonl.gz'), true),
  ]
  for (; rows < total; rows++) {
    const { line, csv } = fixed[rows % fixed.length] as (typeof fixed)[number]
    await Promise.all([
      sinks[0]?.write(`${line},`),
      sinks[1]?.write(`${line}\n`),
      sinks[2]?.write(csv),
      sinks[3]?.write(`${line.slice(0, 300)},`),
      sinks[4]?.write(`{"op":"upsert","row":${line}}\n`),
      sinks[5]?.write(`{"op":"upsert","row":${line}}\n`),
      sinks[6]?.write(`{"op":"upsert","row":${line}}\n`),
    ])
  }
  await Promise.all(sinks.map((s) => s?.end()))
  for (const name of [
    'ratings.json',
    'ratings.json.gz',
    'ratings.jsonl.gz',
    'ratings.csv',
    'search-index.json',
    'delta-1d.jsonl.gz',
    'delta-7d.jsonl.gz',
    'delta-31d.jsonl.gz',
  ])
    await digestFile(path(name))
}
const seconds = (performance.now() - started) / 1000
await rm(work, { recursive: true, force: true })
console.log(
  JSON.stringify({
    mode,
    rows,
    seconds: Math.round(seconds * 10) / 10,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)
