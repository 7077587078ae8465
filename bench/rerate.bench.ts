/**
 * The rating pipeline against DynamoDB Local (in memory): a full re-rate of 20,000 agencies with
 * ~10 records each, first on fresh data and again on unchanged data; the raw throughput of the same
 * reads and writes issued without the engine (the limit the pipeline can reach); and the latency
 * from a record write to its new rating being readable through the stream.
 */
import { silentLog } from '../functions/log.js'
import { mapLimit } from '../functions/pool.js'
import { toStored } from '../functions/rate/rate-agencies.js'
import { rerateAll } from '../functions/rate/rerate.js'
import { handleStream } from '../functions/rate/stream.js'
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.js'
import { startStreamPoller } from '../infra/local/stream-poller.js'
import { nextAuditEvent } from '../shared/audit/chain.js'
import { evaluate } from '../shared/rating/evaluate.js'
import { DEFAULT_METHODOLOGY } from '../shared/rating/methodologies/index.js'
import { createClients } from '../shared/store/clients.js'
import { ensureTable } from '../shared/store/ensure-table.js'
import type { SaveRating } from '../shared/store/save-rating.js'
import { createStore, type Store } from '../shared/store/store.js'
import { benchData } from './fixtures.js'
import type { MacroBench } from './harness.js'

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 20_000)
const RECORDS_PER_AGENCY = 10
const SEGMENTS = 4
const CONCURRENCY = 16
const LATENCY_WRITES = Number(process.env.BENCH_LATENCY_WRITES ?? 200)
const NOW = new Date('2026-12-04T02:00:00.000Z')

const seconds = (from: number) => (performance.now() - from) / 1000
const round = (n: number) => Math.round(n * 10) / 10

/** The first run's writes, computed ahead so that the raw pass measures I/O only. */
function prepareSaves(data: ReturnType<typeof benchData>): Map<string, SaveRating> {
  const saves = new Map<string, SaveRating>()
  for (const { agency, records } of data) {
    const rating = evaluate({ agency, records }, DEFAULT_METHODOLOGY, NOW)
    const uscc = `RAW${agency.uscc}`
    saves.set(agency.uscc, {
      rating: { ...toStored(agency, rating, 1), uscc },
      readRevision: undefined,
      history: {
        uscc,
        computedAt: rating.asOf,
        revision: 1,
        grade: rating.grade,
        methodology: rating.methodology,
        contentHash: rating.contentHash,
      },
      audit: nextAuditEvent(undefined, {
        uscc,
        at: rating.asOf,
        actor: 'bench',
        action: 'rating.changed',
        subject: 'RATING#CURRENT',
        detail: { grade: rating.grade },
      }),
    })
  }
  return saves
}

/**
 * The I/O of a first run without the engine: the same consistent segmented scan and, per agency,
 * the same store calls (partition read, last audit read, the rating transaction with its history
 * entry and audit event), with the ratings computed beforehand. The writes go to the same table
 * under other keys (\`AGENCY#RAW…\`): DynamoDB Local is much slower at transactions on a second
 * table, which would flatter the pipeline.
 */
async function rawPass(store: Store, saves: Map<string, SaveRating>): Promise<number> {
  let handled = 0
  await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      let cursor: string | undefined
      do {
        const page = await store.scanRatingInputs(segment, SEGMENTS, {
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        })
        const usccs = page.items.filter((item) => item.entity === 'Agency').map((item) => item.uscc)
        await mapLimit(usccs, CONCURRENCY / SEGMENTS, async (uscc) => {
          await store.loadForRating(uscc)
          await store.lastAuditConsistent(uscc)
          const save = saves.get(uscc)
          if (save) await store.saveRating(save)
          handled++
        })
        cursor = page.next
      } while (cursor)
    }),
  )
  return handled
}

/** Median and 99th percentile of write → readable rating, through DynamoDB Local's stream. */
async function latency(
  store: Store,
  db: { client: ReturnType<typeof createClients>['client']; endpoint: string; tableName: string },
  usccs: string[],
) {
  const deps = { store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => new Date() }
  const poller = await startStreamPoller({ ...db, handle: (e) => handleStream(deps, e) })
  const samples: number[] = []
  let missed = 0
  try {
    for (const uscc of usccs) {
      if (samples.length + missed >= LATENCY_WRITES) break
      // Only agencies whose rating depends on their records (not public or deregistered ones).
      const rating = await store.getRating(uscc)
      const agency = await store.getAgency(uscc)
      if (!agency || rating?.score === undefined) continue
      const written = performance.now()
      await store.putRecord({
        uscc,
        occurredOn: '2026-12-03',
        id: `01KLATENCY${uscc.slice(0, 16)}`,
        kind: 'complaint',
        severity: 'minor',
        outcome: 'upheld',
        title: { zh: '投诉经查属实（测）', en: 'Complaint upheld (bench)' },
        authority: '某市人力资源和社会保障局',
        source: { name: 'bench' },
        region: agency.region,
        status: 'effective',
        submitted: { officerId: 'bench', at: new Date().toISOString() },
        demo: true,
        version: 1,
      })
      for (;;) {
        if ((await store.getRating(uscc))?.contentHash !== rating.contentHash) {
          samples.push(performance.now() - written)
          break
        }
        if (performance.now() - written > 10_000) {
          missed++
          break
        }
        await new Promise((r) => setTimeout(r, 5))
      }
    }
  } finally {
    await poller.stop()
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN)
  return {
    writes: samples.length + missed,
    missed,
    medianMs: at(0.5),
    p99Ms: at(0.99),
    maxMs: Math.round(samples.at(-1) ?? Number.NaN),
  }
}

const bench: MacroBench = {
  kind: 'macro',
  name: 'rerate',
  description: `full re-rate of ${AGENCIES.toLocaleString('en')} agencies (~${RECORDS_PER_AGENCY} records each) on DynamoDB Local in memory, ${SEGMENTS} scan segments, ${CONCURRENCY} agencies at once; baseline = the same reads and writes without the engine`,
  async run() {
    const db = await startDynamoDbLocal()
    try {
      const clients = createClients(db.endpoint)
      await ensureTable(clients.client, 'bench')
      const store = createStore({ documentClient: clients.documentClient, tableName: 'bench' })
      const data = benchData(AGENCIES, RECORDS_PER_AGENCY)
      const records = data.reduce((n, d) => n + d.records.length, 0)
      let t = performance.now()
      await store.importAgencies({
        agencies: data.map((d) => d.agency),
        records: data.flatMap((d) => d.records),
      })
      const seedSeconds = seconds(t)
      console.log(`seeded ${data.length} agencies, ${records} records in ${round(seedSeconds)} s`)

      const deps = { store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => NOW }
      const options = { segments: SEGMENTS, concurrency: CONCURRENCY }
      t = performance.now()
      const first = await rerateAll(deps, NOW, { job: 'bench-1', ...options })
      const firstSeconds = seconds(t)
      console.log(`first run: ${first.written} written in ${round(firstSeconds)} s`)
      t = performance.now()
      const second = await rerateAll(deps, NOW, { job: 'bench-2', ...options })
      const secondSeconds = seconds(t)
      console.log(`second run: ${second.written} written in ${round(secondSeconds)} s`)

      // The raw pass last, so that its extra items do not slow the runs' scans; it reads each
      // agency with its rating by now, a little more than the first run read.
      const saves = prepareSaves(data)
      t = performance.now()
      const raw = await rawPass(store, saves)
      const rawSeconds = seconds(t)
      console.log(`raw reads and writes: ${raw} agencies in ${round(rawSeconds)} s`)

      const lat = await latency(
        store,
        { client: clients.client, endpoint: db.endpoint, tableName: 'bench' },
        data.map((d) => d.agency.uscc),
      )
      const firstRate = first.handled / firstSeconds
      const secondRate = second.handled / secondSeconds
      const rawRate = raw / rawSeconds
      return {
        agencies: data.length,
        records,
        seed: {
          seconds: round(seedSeconds),
          itemsPerSecond: Math.round((data.length + records) / seedSeconds),
        },
        firstRun: {
          agenciesPerSecond: round(firstRate),
          seconds: round(firstSeconds),
          written: first.written,
          failed: first.failed.length,
        },
        secondRun: {
          agenciesPerSecond: round(secondRate),
          seconds: round(secondSeconds),
          written: second.written,
          unchanged: second.unchanged,
        },
        rawBaseline: { agenciesPerSecond: round(rawRate), seconds: round(rawSeconds) },
        ratios: {
          firstRunToRaw: Number((firstRate / rawRate).toFixed(3)),
          secondRunSpeedup: Number((secondRate / firstRate).toFixed(2)),
          goal: 'firstRunToRaw ≥ 0.7, secondRunSpeedup ≥ 5',
        },
        writeToRatingLatency: lat,
      }
    } finally {
      await db.stop()
    }
  },
}

export default bench
