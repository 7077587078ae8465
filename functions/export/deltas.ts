/**
 * Delta files, GLEIF style: what changed since the publication 1, 7 and 31 days before, so a copy
 * downstream stays current with small downloads. One JSON object a line:
 *   {"op":"header", "from": date|null, "to": date, "base": sha256 of the base ratings.jsonl.gz|null}
 *   {"op":"upsert", "row": {…}}              a new or changed agency (the whole row)
 *   {"op":"tombstone", "uscc", "recordId", "reason"}  a record that no longer counts: drop it too
 *   {"op":"delete", "uscc"}                  an agency gone from the register
 * Rows are a set keyed by USCC: applying a delta to its base gives the new publication's rows,
 * byte for byte (applyDelta).
 */
import { createHash } from 'node:crypto'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import type { CreditRecord } from '../../shared/agency/types.js'
import type { ExportRow } from '../../shared/open-data/row.js'
import type { BlobStore } from './blob-store.js'
import type { Sink } from './writers.js'

export const DELTA_PERIODS = [1, 7, 31] as const

type Known = { hash: string; records: string[] }
export type Baseline = { days: number; from: string | null; base: string | null; rows: Map<string, Known> }

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex')
const dayBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

/**
 * For each period, the newest earlier publication at least that many days old (or the oldest there
 * is), taken only from what was published (`history`), never from a folder a failed run left.
 */
export async function loadBaselines(
  blobs: BlobStore,
  date: string,
  history: readonly string[],
): Promise<Baseline[]> {
  const dates = [...new Set(history)].filter((d) => d < date).sort()
  const cache = new Map<string, { base: string; rows: Map<string, Known> }>()
  const load = async (d: string) => {
    const hit = cache.get(d)
    if (hit) return hit
    const gz = await blobs.get(`${d}/ratings.jsonl.gz`)
    if (!gz) throw new Error(`published folder ${d}/ has no ratings.jsonl.gz`)
    const rows = new Map<string, Known>()
    // Line by line: never the whole file as one string.
    const lines = createInterface({
      input: Readable.from([gz]).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    })
    for await (const line of lines) {
      if (line === '') continue
      const row = JSON.parse(line) as ExportRow
      rows.set(row.uscc, { hash: sha256(line), records: row.records.map((r) => r.id) })
    }
    const loaded = { base: sha256(gz), rows }
    cache.set(d, loaded)
    return loaded
  }
  const baselines: Baseline[] = []
  for (const days of DELTA_PERIODS) {
    const cutoff = dayBefore(date, days)
    const from = [...dates].reverse().find((d) => d <= cutoff) ?? dates[0]
    if (!from) baselines.push({ days, from: null, base: null, rows: new Map() })
    else baselines.push({ days, from, ...(await load(from)) })
  }
  return baselines
}

/** Why a row no longer carries a record. */
function reasonOf(record: CreditRecord | undefined, rated: boolean): string {
  if (!record) return 'removed'
  if (
    record.status === 'repaired' ||
    record.status === 'withdrawn' ||
    record.status === 'rejected' ||
    record.status === 'pending'
  )
    return record.status
  if (record.severity === 'minor') return 'minor'
  if (!rated) return 'unrated'
  return 'expired'
}

/** Writes one delta file as the export streams rows past it. */
export function deltaWriter(baseline: Baseline, to: string, sink: Sink) {
  const seen = new Set<string>()
  return {
    start: () =>
      sink.write(`${JSON.stringify({ op: 'header', from: baseline.from, to, base: baseline.base })}\n`),
    async row(row: ExportRow, line: string, records: readonly CreditRecord[]) {
      seen.add(row.uscc)
      const known = baseline.rows.get(row.uscc)
      if (known && known.hash === sha256(line)) return
      let out = `{"op":"upsert","row":${line}}\n`
      if (known) {
        const now = new Set(row.records.map((r) => r.id))
        const byId = new Map(records.map((r) => [r.id, r]))
        for (const id of known.records) {
          if (!now.has(id))
            out += `${JSON.stringify({ op: 'tombstone', uscc: row.uscc, recordId: id, reason: reasonOf(byId.get(id), row.rating !== null) })}\n`
        }
      }
      await sink.write(out)
    },
    async finish() {
      const gone = [...baseline.rows.keys()].filter((uscc) => !seen.has(uscc)).sort()
      for (const uscc of gone) await sink.write(`${JSON.stringify({ op: 'delete', uscc })}\n`)
      await sink.end()
    },
  }
}

/**
 * The rows (JSON lines) of a base publication with a delta applied; order: by USCC. Given the base
 * file's bytes, refuses a delta made against another base.
 */
export function applyDelta(
  baseLines: readonly string[],
  deltaLines: readonly string[],
  baseFile?: Uint8Array,
): string[] {
  const header = JSON.parse(deltaLines[0] ?? '{}') as { op?: string; base?: string | null }
  if (header.op !== 'header') throw new Error('a delta starts with its header line')
  if (baseFile && header.base !== null && header.base !== sha256(baseFile))
    throw new Error('this delta was made against another base publication')
  const rows = new Map<string, string>()
  for (const line of baseLines) if (line !== '') rows.set((JSON.parse(line) as ExportRow).uscc, line)
  for (const line of deltaLines) {
    if (line === '') continue
    const op = JSON.parse(line) as { op: string; row?: ExportRow; uscc?: string }
    if (op.op === 'upsert' && op.row) rows.set(op.row.uscc, JSON.stringify(op.row))
    else if (op.op === 'delete' && op.uscc) rows.delete(op.uscc)
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, line]) => line)
}
