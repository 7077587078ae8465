/**
 * Checks a publication as a downloader would: the checksum list's signature against the JWK Set,
 * every file's sha256 and size (against the list and the Data Package), and every row against the
 * schema, with the row counts of the JSON, JSON Lines and CSV files in agreement.
 */
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import type { JSONWebKeySet } from 'jose'
import { CSV_BOM } from '../../shared/open-data/csv.js'
import { ExportRowSchema } from '../../shared/open-data/schema.js'
import { DATAPACKAGE, MANIFEST, SUMS, SUMS_SIGNATURE, verifyDetached } from './package.js'

/** Where a publication is read from: a folder or a URL (see open-data-source.ts). */
export type PublicationSource = {
  read(name: string): Promise<Uint8Array | undefined>
  describe: string
  /** latest.json, when the publication was reached through it. */
  manifest?: Uint8Array
}

/** Every file a publication must have. */
export const REQUIRED_FILES = [
  'ratings.json',
  'ratings.json.gz',
  'ratings.jsonl.gz',
  'ratings.csv',
  'search-index.json',
  'record.schema.json',
  'delta-1d.jsonl.gz',
  'delta-7d.jsonl.gz',
  'delta-31d.jsonl.gz',
  DATAPACKAGE,
]

export type Verdict =
  | { ok: true; rows: number; files: number; kid: string }
  | { ok: false; problems: string[] }

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export async function verifyPublication(source: PublicationSource, keys: JSONWebKeySet): Promise<Verdict> {
  const problems: string[] = []
  const sumsBytes = await source.read(SUMS)
  const signature = await source.read(SUMS_SIGNATURE)
  if (!sumsBytes || !signature) return { ok: false, problems: [`${SUMS} or ${SUMS_SIGNATURE} is missing`] }
  let sums: string
  try {
    sums = text(sumsBytes)
  } catch {
    return { ok: false, problems: [`${SUMS}: not UTF-8 text`] }
  }
  let kid = ''
  try {
    kid = (await verifyDetached(text(signature), sums, keys)).kid
  } catch (error) {
    problems.push(`${SUMS_SIGNATURE}: the signature does not verify (${(error as Error).message})`)
  }

  const listed = new Map<string, string>()
  for (const line of sums.split('\n').filter((l) => l !== '')) {
    const match = /^([0-9a-f]{64}) {2}([A-Za-z0-9._-]+)$/.exec(line)
    if (!match) problems.push(`${SUMS}: unreadable line ${JSON.stringify(line.slice(0, 80))}`)
    else listed.set(match[2] as string, match[1] as string)
  }
  for (const name of REQUIRED_FILES) if (!listed.has(name)) problems.push(`${name}: missing from ${SUMS}`)
  const files = new Map<string, Uint8Array>()
  for (const [name, expected] of listed) {
    const bytes = await source.read(name)
    if (!bytes) {
      problems.push(`${name}: listed in ${SUMS} but missing`)
      continue
    }
    files.set(name, bytes)
    const actual = sha256(bytes)
    if (actual !== expected) problems.push(`${name}: sha256 is ${actual}, ${SUMS} says ${expected}`)
  }

  const pkgBytes = files.get(DATAPACKAGE)
  if (!pkgBytes) problems.push(`${DATAPACKAGE} is not listed in ${SUMS}`)
  else {
    try {
      checkPackage(JSON.parse(text(pkgBytes)) as DataPackage, listed, files, problems)
    } catch (error) {
      problems.push(`${DATAPACKAGE}: unreadable (${(error as Error).message})`)
    }
  }
  if (source.manifest) {
    let manifest: { files?: { name: string; bytes: number; sha256: string }[] } = {}
    try {
      manifest = JSON.parse(text(source.manifest)) as typeof manifest
    } catch (error) {
      problems.push(`${MANIFEST}: unreadable (${(error as Error).message})`)
    }
    for (const f of manifest.files ?? []) {
      const bytes = f.name === SUMS ? sumsBytes : f.name === SUMS_SIGNATURE ? signature : files.get(f.name)
      if (!bytes || bytes.length !== f.bytes || sha256(bytes) !== f.sha256)
        problems.push(`${MANIFEST}: ${f.name} does not match the file published`)
    }
  }
  const counts = rowCounts(files, problems)
  const distinct = new Set(Object.values(counts))
  if (distinct.size > 1) problems.push(`row counts disagree: ${JSON.stringify(counts)}`)
  const rows = counts['ratings.jsonl.gz'] ?? 0
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows, files: files.size, kid }
}

type DataPackage = { resources: { path: string; bytes: number; hash: string }[] }

/** The Data Package describes exactly the files listed, with their sizes and hashes. */
function checkPackage(
  pkg: DataPackage,
  listed: Map<string, string>,
  files: Map<string, Uint8Array>,
  problems: string[],
) {
  const described = new Set(pkg.resources.map((r) => r.path))
  for (const name of listed.keys())
    if (name !== DATAPACKAGE && !described.has(name))
      problems.push(`${name}: in ${SUMS} but not in ${DATAPACKAGE}`)
  for (const r of pkg.resources) {
    const bytes = files.get(r.path)
    if (!bytes) {
      problems.push(`${r.path}: in ${DATAPACKAGE} but not in ${SUMS}`)
      continue
    }
    if (bytes.length !== r.bytes)
      problems.push(`${r.path}: ${bytes.length} bytes, ${DATAPACKAGE} says ${r.bytes}`)
    if (`sha256:${sha256(bytes)}` !== r.hash) problems.push(`${r.path}: hash differs from ${DATAPACKAGE}`)
  }
}

/** Validates every row of each data file and counts them. */
function rowCounts(files: Map<string, Uint8Array>, problems: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const check = (file: string, index: number, row: unknown) => {
    const result = ExportRowSchema.safeParse(row)
    if (!result.success && problems.length < 50) {
      const issue = result.error.issues[0]
      problems.push(
        `${file} row ${index + 1}: ${issue?.path.join('.') || 'row'} ${issue?.message ?? 'invalid'}`,
      )
    }
  }
  const jsonl = files.get('ratings.jsonl.gz')
  if (jsonl) {
    try {
      const lines = text(gunzipSync(jsonl))
        .split('\n')
        .filter((l) => l !== '')
      for (const [i, l] of lines.entries()) check('ratings.jsonl.gz', i, JSON.parse(l))
      counts['ratings.jsonl.gz'] = lines.length
    } catch (error) {
      problems.push(`ratings.jsonl.gz: unreadable (${(error as Error).message})`)
    }
  } else problems.push('ratings.jsonl.gz is missing')
  const json = files.get('ratings.json')
  if (json) {
    try {
      const doc = JSON.parse(text(json)) as { rows: unknown[]; count: number }
      for (const [i, r] of doc.rows.entries()) check('ratings.json', i, r)
      counts['ratings.json'] = doc.rows.length
      if (doc.count !== doc.rows.length)
        problems.push(`ratings.json: count says ${doc.count}, holds ${doc.rows.length}`)
    } catch (error) {
      problems.push(`ratings.json: unreadable (${(error as Error).message})`)
    }
  }
  for (const [name, bytes] of files) {
    if (!/^delta-\d+d\.jsonl\.gz$/.test(name)) continue
    try {
      const lines = text(gunzipSync(bytes))
        .split('\n')
        .filter((l) => l !== '')
      const ops = lines.map((l) => JSON.parse(l) as { op: string; row?: unknown })
      if (ops[0]?.op !== 'header') problems.push(`${name}: does not start with its header line`)
      for (const [i, op] of ops.entries()) {
        if (op.op === 'upsert') check(name, i, op.row)
        else if (!['header', 'tombstone', 'delete'].includes(op.op))
          problems.push(`${name} line ${i + 1}: unknown op ${op.op}`)
      }
    } catch (error) {
      problems.push(`${name}: unreadable (${(error as Error).message})`)
    }
  }
  const csv = files.get('ratings.csv')
  if (csv) {
    try {
      const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(csv)
      if (!body.startsWith(CSV_BOM)) problems.push('ratings.csv: no UTF-8 byte-order mark')
      // Quoted fields never hold line breaks here, so lines are rows.
      counts['ratings.csv'] = body.split('\r\n').filter((l) => l !== '').length - 1
    } catch (error) {
      problems.push(`ratings.csv: unreadable (${(error as Error).message})`)
    }
  }
  return counts
}

/** The dated folder a manifest points at. */
export function folderOf(manifest: Uint8Array): string {
  const { folder } = JSON.parse(text(manifest)) as { folder: string }
  if (!/^\d{4}-\d{2}-\d{2}\/$/.test(folder)) throw new Error(`${MANIFEST}: not a dated folder: ${folder}`)
  return folder
}
