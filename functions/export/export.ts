/**
 * The daily open-data export: streams every agency (profile, rating with basis, records) from a
 * segmented scan into the published files, validates every row, holds the publication when
 * something looks wrong, then uploads the files, the Data Package, the signed checksums and, last,
 * the manifest that points at them. Memory stays flat: rows are written as they are read.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Agency, CreditRecord } from '../../shared/agency/types.js'
import { CSV_BOM, csvHeader, csvLine } from '../../shared/open-data/csv.js'
import { exportRow, ROW_FORMAT } from '../../shared/open-data/row.js'
import { ExportRowSchema, rowJsonSchema } from '../../shared/open-data/schema.js'
import type { Methodology } from '../../shared/rating/methodology-types.js'
import { noPinyin, toSearchEntry } from '../../shared/search/entry.js'
import type { Signer } from '../../shared/signing/signer.js'
import type { StoredRating } from '../../shared/store/entities/rating.js'
import type { ExportItem, Store } from '../../shared/store/store.js'
import { chinaDate } from '../../shared/time/calendar.js'
import type { Log } from '../log.js'
import type { BlobStore } from './blob-store.js'
import { deltaWriter, loadBaselines } from './deltas.js'
import {
  DATAPACKAGE,
  dataPackage,
  MANIFEST,
  type PublishedFile,
  SUMS,
  SUMS_SIGNATURE,
  sha256sums,
  signDetached,
} from './package.js'
import { digestFile, fileSink, teeSink } from './writers.js'

export type ExportDeps = {
  store: Pick<Store, 'scanExport'>
  blobs: BlobStore
  signer: Signer
  methodology: Methodology
  log: Log
  now(): Date
}

export type ExportOptions = {
  segments?: number
  /** Hold when the number of agencies moves by more than this share against the last publication. */
  maxChange?: number
  /** Dated folders older than this many days are removed. */
  keepDays?: number
}

export type Manifest = {
  format: string
  date: string
  /** Every publication still kept, oldest first (deltas are only ever made against these). */
  history: string[]
  folder: string
  generatedAt: string
  rows: number
  demo: boolean
  files: { name: string; bytes: number; sha256: string }[]
}

export type ExportResult =
  | { published: true; manifest: Manifest }
  | { published: false; reason: string; rows: number; invalid: string[] }

type Group = { agency?: Agency; rating?: StoredRating; records: CreditRecord[] }

/** Reads every agency, segment by segment and page by page, in a stable order. */
async function* agencies(store: ExportDeps['store'], segments: number): AsyncGenerator<Group> {
  for (let segment = 0; segment < segments; segment++) {
    let cursor: string | undefined
    let open: { uscc: string; group: Group } | undefined
    do {
      const page = await store.scanExport(segment, segments, { limit: 1000, ...(cursor ? { cursor } : {}) })
      for (const item of page.items as ExportItem[]) {
        if (open && open.uscc !== item.uscc) {
          yield open.group
          open = undefined
        }
        open ??= { uscc: item.uscc, group: { records: [] } }
        if (item.entity === 'Agency') open.group.agency = item
        else if (item.entity === 'Rating') open.group.rating = item
        else open.group.records.push(item)
      }
      cursor = page.next
    } while (cursor)
    if (open) yield open.group
  }
}

const FILES = {
  json: {
    name: 'ratings.json',
    format: 'json',
    mediatype: 'application/json',
    description: 'All agencies: one JSON document',
  },
  jsonGz: {
    name: 'ratings.json.gz',
    format: 'json',
    mediatype: 'application/json',
    compression: 'gz',
    description: 'ratings.json, gzipped',
  },
  jsonl: {
    name: 'ratings.jsonl.gz',
    format: 'jsonl',
    mediatype: 'application/jsonl',
    compression: 'gz',
    description: 'All agencies: one JSON object a line, gzipped',
  },
  csv: {
    name: 'ratings.csv',
    format: 'csv',
    mediatype: 'text/csv',
    description: 'All agencies, flat columns; UTF-8 with BOM for Excel',
  },
  search: {
    name: 'search-index.json',
    format: 'json',
    mediatype: 'application/json',
    description: 'Compact name search index the API and site use',
  },
  schema: {
    name: 'record.schema.json',
    format: 'json',
    mediatype: 'application/schema+json',
    description: 'JSON Schema of one agency row (format 1.0)',
  },
} as const satisfies Record<string, Omit<PublishedFile, 'bytes' | 'sha256'>>

export async function exportOpenData(deps: ExportDeps, options: ExportOptions = {}): Promise<ExportResult> {
  const { segments = 4, maxChange = 0.2, keepDays = 31 } = options
  const now = deps.now()
  const generatedAt = now.toISOString()
  const date = chinaDate(now)
  // A publication never changes once out: readers and caches hold its files as immutable.
  const published = await readManifest(deps.blobs)
  if (published && published.date >= date) {
    return {
      published: false,
      reason: `${published.date} is already published (${published.folder}); publications are immutable`,
      rows: published.rows,
      invalid: [],
    }
  }
  const work = await mkdtemp(join(tmpdir(), 'chengxin-export-'))
  try {
    const path = (name: string) => join(work, name)
    const json = teeSink(fileSink(path(FILES.json.name)), fileSink(path(FILES.jsonGz.name), true))
    const jsonl = fileSink(path(FILES.jsonl.name), true)
    const csv = fileSink(path(FILES.csv.name))
    const search = fileSink(path(FILES.search.name))
    const demo = { any: false }
    const head = {
      format: ROW_FORMAT,
      date,
      generatedAt,
      licence: 'CC-BY-4.0',
      methodology: { id: deps.methodology.id, version: deps.methodology.version },
    }
    await json.write(`${JSON.stringify(head).slice(0, -1)},"rows":[`)
    await csv.write(CSV_BOM + csvHeader())
    await search.write(`{"format":"${ROW_FORMAT}","generatedAt":"${generatedAt}","entries":[`)
    const baselines = await loadBaselines(deps.blobs, date, published?.history ?? [])
    const deltaFiles = baselines.map((b) => ({
      name: `delta-${b.days}d.jsonl.gz`,
      format: 'jsonl',
      mediatype: 'application/jsonl',
      compression: 'gz' as const,
      description: `Changes since ${b.from ?? 'nothing (no earlier publication)'}: upserts, record tombstones and deletions`,
    }))
    const deltas = baselines.map((b, i) =>
      deltaWriter(b, date, fileSink(path(deltaFiles[i]?.name ?? ''), true)),
    )
    await Promise.all(deltas.map((d) => d.start()))

    let rows = 0
    const invalid: string[] = []
    for await (const group of agencies(deps.store, segments)) {
      if (!group.agency) continue
      const row = exportRow(group.agency, group.rating, group.records, now)
      const checked = ExportRowSchema.safeParse(row)
      if (!checked.success) {
        invalid.push(
          `${row.uscc}: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        )
        continue
      }
      const line = JSON.stringify(row)
      const separator = rows === 0 ? '' : ','
      await Promise.all([
        json.write(separator + line),
        jsonl.write(`${line}\n`),
        csv.write(csvLine(row)),
        search.write(
          separator + JSON.stringify(toSearchEntry(group.agency, group.rating, noPinyin, chinaDate)),
        ),
        ...deltas.map((d) => d.row(row, line, group.records)),
      ])
      demo.any ||= row.demo
      rows++
    }
    await json.write(`],"count":${rows}}\n`)
    await search.write(']}\n')
    await Promise.all([json.end(), jsonl.end(), csv.end(), search.end(), ...deltas.map((d) => d.finish())])
    await writeFile(path(FILES.schema.name), `${JSON.stringify(rowJsonSchema(), null, 2)}\n`)

    // The hold: publish nothing rather than something broken.
    const hold = holdReason(rows, invalid, published, maxChange)
    if (hold) {
      deps.log('error', 'open data export held', { reason: hold, rows, invalid: invalid.slice(0, 20) })
      return { published: false, reason: hold, rows, invalid }
    }

    const files: PublishedFile[] = []
    for (const spec of [...Object.values(FILES), ...deltaFiles])
      files.push({ ...spec, ...(await digestFile(path(spec.name))) })
    const pkg = dataPackage(files, {
      date,
      created: generatedAt,
      rows,
      demo: demo.any,
      methodology: deps.methodology,
    })
    await writeFile(path(DATAPACKAGE), `${JSON.stringify(pkg, null, 2)}\n`)
    const described = [...files, { name: DATAPACKAGE, ...(await digestFile(path(DATAPACKAGE))) }]
    const sums = sha256sums(described)
    await writeFile(path(SUMS), sums)
    await writeFile(path(SUMS_SIGNATURE), `${await signDetached(deps.signer, sums)}\n`)

    const folder = `${date}/`
    const types: Record<string, string> = {
      [DATAPACKAGE]: 'application/json',
      [SUMS]: 'text/plain; charset=utf-8',
      [SUMS_SIGNATURE]: 'application/jose',
    }
    for (const f of files) types[f.name] = f.mediatype
    // Data first, then what describes it, the signature last of all (then the manifest).
    const order = [...files.map((f) => f.name), DATAPACKAGE, SUMS, SUMS_SIGNATURE]
    for (const name of order)
      await deps.blobs.putFile(`${folder}${name}`, path(name), types[name] ?? 'application/octet-stream')

    const manifest: Manifest = {
      format: ROW_FORMAT,
      date,
      folder,
      history: [...(published?.history ?? []).filter((d) => d >= cutoffOf(date, keepDays)), date],
      generatedAt,
      rows,
      demo: demo.any,
      files: [
        ...described,
        { name: SUMS, ...(await digestFile(path(SUMS))) },
        { name: SUMS_SIGNATURE, ...(await digestFile(path(SUMS_SIGNATURE))) },
      ].map((f) => ({
        name: f.name,
        bytes: f.bytes,
        sha256: f.sha256,
      })),
    }
    await writeFile(path(MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
    // Last: until the manifest moves, readers keep the previous publication.
    await deps.blobs.putFile(MANIFEST, path(MANIFEST), 'application/json')
    await prune(deps.blobs, date, keepDays)
    deps.log('info', 'open data published', { date, rows })
    return { published: true, manifest }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Why a publication must be held, or undefined. */
export function holdReason(
  rows: number,
  invalid: readonly string[],
  previous: Manifest | undefined,
  maxChange: number,
): string | undefined {
  if (invalid.length > 0) return `${invalid.length} row(s) failed the schema; first: ${invalid[0]}`
  if (rows === 0) return 'no agencies to publish'
  if (previous && previous.rows > 0) {
    const change = Math.abs(rows - previous.rows) / previous.rows
    if (change > maxChange)
      return `agency count moved from ${previous.rows} to ${rows} (${(change * 100).toFixed(1)}%, more than ${(maxChange * 100).toFixed(0)}%) since ${previous.date}`
  }
  return undefined
}

export async function readManifest(blobs: BlobStore): Promise<Manifest | undefined> {
  const bytes = await blobs.get(MANIFEST)
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as Manifest) : undefined
}

/** The last date older than the `keepDays` days kept before `date`. */
const cutoffOf = (date: string, keepDays: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - keepDays * 86_400_000).toISOString().slice(0, 10)

/** Removes dated folders more than `keepDays` days before `date`. */
async function prune(blobs: BlobStore, date: string, keepDays: number): Promise<void> {
  const cutoff = cutoffOf(date, keepDays)
  const old = (await blobs.list('')).filter((k) => /^\d{4}-\d{2}-\d{2}\//.test(k) && k.slice(0, 10) < cutoff)
  if (old.length > 0) await blobs.delete(old)
}
