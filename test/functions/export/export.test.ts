/**
 * The open-data export on DynamoDB Local: seeded agencies → files; the verify tool passes them, and
 * fails with the precise reason when a byte flips, a row goes, or the signature is swapped; a
 * publication that looks wrong is held.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { S3Client } from '@aws-sdk/client-s3'
import fc from 'fast-check'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/api/full-app.js'
import { refreshingIndex } from '../../../functions/api/search-index.js'
import { fsBlobStore } from '../../../functions/export/blob-store.js'
import { applyDelta } from '../../../functions/export/deltas.js'
import { createExportDeps } from '../../../functions/export/deps.js'
import { type ExportDeps, exportOpenData, type Manifest } from '../../../functions/export/export.js'
import { sha256sums, signDetached } from '../../../functions/export/package.js'
import { s3BlobStore } from '../../../functions/export/s3-blob-store.js'
import { folderSource, urlSource } from '../../../functions/export/sources.js'
import { verifyPublication } from '../../../functions/export/verify.js'
import { silentLog } from '../../../functions/log.js'
import { rateAgencies } from '../../../functions/rate/rate-agencies.js'
import { rerateAll } from '../../../functions/rate/rerate.js'
import { CSV_BOM } from '../../../shared/open-data/csv.js'
import type { ExportRow } from '../../../shared/open-data/row.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import { localSigner } from '../../../shared/signing/local-signer.js'
import { jwks, type Signer } from '../../../shared/signing/signer.js'
import type { ExportItem } from '../../../shared/store/store.js'
import { serveOnLoopback } from '../../fixtures/browser.js'
import { createTestTable } from '../../fixtures/db.js'
import { importClean, NOW, seedDemo } from '../../fixtures/pipeline.js'

const AGENCIES = 60
let table: Awaited<ReturnType<typeof createTestTable>>
let signer: Signer
let root: string
let manifest: Manifest
const keys = () => jwks([signer])

function deps(overrides: Partial<ExportDeps> = {}, dir = root): ExportDeps {
  return {
    store: table.store,
    blobs: fsBlobStore(dir),
    signer,
    methodology: DEFAULT_METHODOLOGY,
    log: silentLog,
    now: () => NOW,
    ...overrides,
  }
}

beforeAll(async () => {
  table = await createTestTable()
  await seedDemo(table.store, AGENCIES, 11)
  await rerateAll(
    { store: table.store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => NOW },
    NOW,
    {
      job: 'export-test',
    },
  )
  const work = await mkdtemp(join(tmpdir(), 'chengxin-export-test-'))
  signer = await localSigner(join(work, 'key.jwk.json'))
  root = join(work, 'open-data')
  const result = await exportOpenData(deps())
  if (!result.published) throw new Error(result.reason)
  manifest = result.manifest
}, 120_000)
afterAll(async () => {
  await table.drop()
})

/** A copy of the publication to tamper with. */
async function copy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chengxin-tamper-'))
  await cp(join(root, manifest.folder), dir, { recursive: true })
  return dir
}

const rowsOf = async (dir: string): Promise<ExportRow[]> =>
  gunzipSync(await readFile(join(dir, 'ratings.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ExportRow)

describe('the export', () => {
  it('publishes every agency in every format, and the verify tool passes it', async () => {
    expect(manifest.rows).toBe(AGENCIES)
    const files = await readdir(join(root, manifest.folder))
    expect(files.sort()).toEqual(
      [
        'SHA256SUMS',
        'SHA256SUMS.jws',
        'datapackage.json',
        'delta-1d.jsonl.gz',
        'delta-7d.jsonl.gz',
        'delta-31d.jsonl.gz',
        'ratings.csv',
        'ratings.json',
        'ratings.json.gz',
        'ratings.jsonl.gz',
        'record.schema.json',
        'search-index.json',
      ].sort(),
    )
    const verdict = await verifyPublication(await folderSource(root), keys())
    expect(verdict.ok ? [] : verdict.problems).toEqual([])
    expect(verdict).toMatchObject({ ok: true, rows: AGENCIES, kid: signer.kid })
    const csv = await readFile(join(root, manifest.folder, 'ratings.csv'), 'utf8')
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv.split('\r\n')[0]).toMatch(/^\ufeffuscc,name,region/)
  })

  it('never publishes minor records, and gives every record its source and last confirmation', async () => {
    const rows = await rowsOf(join(root, manifest.folder))
    const records = rows.flatMap((r) => r.records)
    expect(records.length).toBeGreaterThan(0)
    expect(records.filter((r) => r.severity === ('minor' as string))).toEqual([])
    for (const r of records) {
      expect(r.source.name).not.toBe('')
      expect(Date.parse(r.lastVerifiedAt)).toBeGreaterThan(0)
    }
  })
})

describe('the verify tool', () => {
  it('names the file whose byte flipped, for every file', async () => {
    for (const name of manifest.files.map((f) => f.name).filter((n) => n !== 'SHA256SUMS')) {
      const dir = await copy()
      const bytes = await readFile(join(dir, name))
      const at = Math.floor(bytes.length / 2)
      bytes[at] = (bytes[at] ?? 0) ^ 0x01
      await writeFile(join(dir, name), bytes)
      const verdict = await verifyPublication(await folderSource(dir), keys())
      expect(verdict.ok, name).toBe(false)
      const expected =
        name === 'SHA256SUMS.jws' ? `${name}: the signature does not verify` : `${name}: sha256 is`
      if (!verdict.ok) expect(verdict.problems.join('\n')).toContain(expected)
    }
  })

  it('catches a removed row even when the checksums were recomputed, by the signature', async () => {
    const dir = await copy()
    const rows = await rowsOf(dir)
    const shorter = gzipSync(
      `${rows
        .slice(1)
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    )
    await writeFile(join(dir, 'ratings.jsonl.gz'), shorter)
    const { createHash } = await import('node:crypto')
    const sums = (await readFile(join(dir, 'SHA256SUMS'), 'utf8')).replace(
      /^[0-9a-f]{64}(?= {2}ratings\.jsonl\.gz$)/m,
      createHash('sha256').update(shorter).digest('hex'),
    )
    await writeFile(join(dir, 'SHA256SUMS'), sums)
    const verdict = await verifyPublication(await folderSource(dir), keys())
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) {
      const all = verdict.problems.join('\n')
      expect(all).toContain('SHA256SUMS.jws: the signature does not verify')
      expect(all).toContain('row counts disagree')
    }
  })

  it('refuses a signed checksum list that leaves files out', async () => {
    const dir = await copy()
    const sums = (await readFile(join(dir, 'SHA256SUMS'), 'utf8'))
      .split('\n')
      .filter((l) => !l.endsWith('ratings.csv'))
      .join('\n')
    await writeFile(join(dir, 'SHA256SUMS'), sums)
    await writeFile(join(dir, 'SHA256SUMS.jws'), await signDetached(signer, sums))
    const verdict = await verifyPublication(await folderSource(dir), keys())
    expect(verdict.ok ? [] : verdict.problems).toContain('ratings.csv: missing from SHA256SUMS')
  })

  it('refuses a signature that is not over this checksum list', async () => {
    const dir = await copy()
    const other = sha256sums([{ name: 'ratings.csv', sha256: '0'.repeat(64) }])
    await writeFile(join(dir, 'SHA256SUMS.jws'), await signDetached(signer, other))
    const verdict = await verifyPublication(await folderSource(dir), keys())
    expect(verdict).toEqual({
      ok: false,
      problems: [expect.stringContaining('SHA256SUMS.jws: the signature does not verify')],
    })
  })
})

describe('the hold', () => {
  it('publishes nothing when half the agencies vanish, and says why', async () => {
    const half: ExportDeps['store'] = {
      async scanExport(segment, segments, page) {
        const result = await table.store.scanExport(segment, segments, page)
        const keep = (item: ExportItem) => item.uscc.charCodeAt(17) % 2 === 0
        return { ...result, items: result.items.filter(keep) }
      },
    }
    const before = await readFile(join(root, 'latest.json'), 'utf8')
    const held = await exportOpenData(deps({ store: half, now: () => new Date(NOW.getTime() + 86_400_000) }))
    expect(held.published).toBe(false)
    if (!held.published)
      expect(held.reason).toMatch(/agency count moved from 60 to \d+ \(\d+\.\d%, more than 20%\)/)
    expect(await readFile(join(root, 'latest.json'), 'utf8')).toBe(before)
  })

  it('publishes nothing when a row fails the schema', async () => {
    const broken: ExportDeps['store'] = {
      async scanExport(segment, segments, page) {
        const result = await table.store.scanExport(segment, segments, page)
        return {
          ...result,
          items: result.items.map((item, i) =>
            i === 0 && item.entity === 'Agency' ? { ...item, region: 'nowhere' } : item,
          ),
        }
      },
    }
    const dir = await mkdtemp(join(tmpdir(), 'chengxin-held-'))
    const held = await exportOpenData(deps({ store: broken }, dir))
    expect(held.published).toBe(false)
    if (!held.published) expect(held.reason).toMatch(/row\(s\) failed the schema; first: \w{18}: region/)
    expect(await readdir(dir).catch(() => [])).toEqual([])
  })
})

describe('the open data over HTTP', () => {
  it('serves the manifest and the files, and the verify tool passes them by URL', async () => {
    const app = createApp({
      ping: () => table.store.ping(),
      now: () => NOW,
      demo: true,
      store: table.store,
      search: refreshingIndex(async () => [], { maxAgeMs: 60_000 }),
      signer,
      methodology: DEFAULT_METHODOLOGY,
      log: silentLog,
      openData: fsBlobStore(root),
    })
    const server = await serveOnLoopback(app)
    try {
      const listing = (await (await fetch(`${server.url}/v1/open-data`)).json()) as {
        rows: number
        files: { name: string; url: string }[]
      }
      expect(listing.rows).toBe(AGENCIES)
      expect(listing.files.map((f) => f.url)).toContain(`/open-data/${manifest.folder}ratings.jsonl.gz`)
      const jwksUrl = `${server.url}/.well-known/jwks.json`
      const verdict = await verifyPublication(
        await urlSource(`${server.url}/open-data/`),
        (await (await fetch(jwksUrl)).json()) as ReturnType<typeof jwks>,
      )
      expect(verdict).toMatchObject({ ok: true, rows: AGENCIES })
      expect((await fetch(`${server.url}/open-data/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404)
    } finally {
      await server.close()
    }
  })
})

describe('deltas', () => {
  it('applied to the day before, give today’s rows byte for byte, with tombstones and deletions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chengxin-deltas-'))
    const day1 = await exportOpenData(deps({}, dir))
    if (!day1.published) throw new Error(day1.reason)
    const before = await rowsOf(join(dir, day1.manifest.folder))

    // A record is repaired, an agency joins, another leaves the register.
    const withRecord = before.find((r) => r.records.some((x) => x.kind === 'penalty')) as ExportRow
    const repairedId = withRecord.records.find((x) => x.kind === 'penalty')?.id as string
    const stored = (await table.store.listRecords(withRecord.uscc)).find((r) => r.id === repairedId)
    if (!stored) throw new Error('record not found')
    await table.store.putRecord({ ...stored, status: 'repaired', version: stored.version + 1 })
    const joined = '91440101MA5TEQT04H'
    await importClean(table.store, joined)
    const rate = { store: table.store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => NOW }
    await rateAgencies(rate, [withRecord.uscc, joined], NOW)
    const left = before.find((r) => r.uscc !== withRecord.uscc)?.uscc as string
    const without: ExportDeps['store'] = {
      async scanExport(segment, segments, page) {
        const result = await table.store.scanExport(segment, segments, page)
        return { ...result, items: result.items.filter((i) => i.uscc !== left) }
      },
    }
    const day2 = await exportOpenData(
      deps({ store: without, now: () => new Date(NOW.getTime() + 86_400_000) }, dir),
    )
    if (!day2.published) throw new Error(day2.reason)
    const after = await rowsOf(join(dir, day2.manifest.folder))

    const lines = (rows: ExportRow[]) => rows.map((r) => JSON.stringify(r))
    const delta = gunzipSync(await readFile(join(dir, day2.manifest.folder, 'delta-1d.jsonl.gz')))
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '')
    const ops = delta.map(
      (l) =>
        JSON.parse(l) as {
          op: string
          uscc?: string
          row?: ExportRow
          from?: string
          reason?: string
          recordId?: string
        },
    )
    expect(ops[0]).toMatchObject({ op: 'header', from: day1.manifest.date, to: day2.manifest.date })
    const base = await readFile(join(dir, day1.manifest.folder, 'ratings.jsonl.gz'))
    // A delta refuses to apply to another base than its own.
    expect(() => applyDelta(lines(before), delta, gzipSync('{}\n'))).toThrow(/another base/)
    expect(applyDelta(lines(before), delta, base)).toEqual(
      lines(after).sort((a, b) => (JSON.parse(a).uscc < JSON.parse(b).uscc ? -1 : 1)),
    )
    expect(ops).toContainEqual({
      op: 'tombstone',
      uscc: withRecord.uscc,
      recordId: repairedId,
      reason: 'repaired',
    })
    expect(ops).toContainEqual({ op: 'delete', uscc: left })
    expect(ops.some((o) => o.op === 'upsert' && o.row?.uscc === joined)).toBe(true)
    // Only what changed: the rest of the register is not repeated.
    expect(ops.filter((o) => o.op === 'upsert').length).toBeLessThan(5)
    expect(await verifyPublication(await folderSource(dir), keys())).toMatchObject({ ok: true })

    // 32 days on, the first day's folder (more than 31 days old) is gone; the second (31 days) is kept.
    const later = await exportOpenData(
      deps({ store: without, now: () => new Date(NOW.getTime() + 32 * 86_400_000) }, dir),
    )
    expect(later.published).toBe(true)
    const folders = (await readdir(dir)).filter((n) => /^\d{4}-/.test(n))
    expect(folders).not.toContain(day1.manifest.date)
    expect(folders).toContain(day2.manifest.date)
  })
})

describe('on S3', () => {
  it('publishes through the S3 adapter to a real S3-compatible server, and verifies by URL', async () => {
    const s3dir = await mkdtemp(join(tmpdir(), 'chengxin-s3rver-'))
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: s3dir,
      configureBuckets: [{ name: 'open-data' }],
    })
    const { port } = await server.run()
    try {
      const client = new S3Client({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        // s3rver predates the SDK's default aws-chunked uploads with trailing checksums.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      })
      // The export Lambda's own composition, configured as the stack configures it.
      const lambdaDeps = await createExportDeps(
        {
          TABLE_NAME: table.tableName,
          AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
          OPEN_DATA_BUCKET: 'open-data',
          OPEN_DATA_PREFIX: 'public/',
          SIGNING_KEY_FILE: join(root, '..', 'key.jwk.json'),
        },
        client,
      )
      const blobs = s3BlobStore(client, 'open-data', 'public/')
      const result = await exportOpenData({ ...lambdaDeps, log: silentLog, now: () => NOW })
      if (!result.published) throw new Error(result.reason)
      expect(await blobs.list('')).toEqual(
        expect.arrayContaining(['latest.json', `${result.manifest.folder}ratings.csv`]),
      )
      const verdict = await verifyPublication(
        await urlSource(`http://127.0.0.1:${port}/open-data/public/`),
        keys(),
      )
      expect(verdict).toMatchObject({ ok: true, rows: result.manifest.rows })
      expect(await blobs.get('no/such/key')).toBeUndefined()
      await blobs.delete([`${result.manifest.folder}ratings.csv`])
      expect(await blobs.get(`${result.manifest.folder}ratings.csv`)).toBeUndefined()
    } finally {
      await server.close()
    }
  }, 60_000)
})

describe('what is never published', () => {
  it('leaves out a record repaired after the last rating, and refuses to publish the same day twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chengxin-stale-'))
    const first = await exportOpenData(deps({}, dir))
    if (!first.published) throw new Error(first.reason)
    const rows = await rowsOf(join(dir, first.manifest.folder))
    const target = rows.find((r) =>
      r.records.some((x) => x.kind === 'penalty' && x.status === 'effective'),
    ) as ExportRow
    const id = target.records.find((x) => x.kind === 'penalty' && x.status === 'effective')?.id as string
    const stored = (await table.store.listRecords(target.uscc)).find((r) => r.id === id)
    if (!stored) throw new Error('record not found')
    // Repaired, and the rating not yet recomputed (the pipeline is minutes behind).
    await table.store.putRecord({ ...stored, status: 'repaired', version: stored.version + 1 })
    const again = await exportOpenData(deps({}, dir))
    expect(again).toMatchObject({
      published: false,
      reason: expect.stringContaining('publications are immutable'),
    })
    const next = await exportOpenData(deps({ now: () => new Date(NOW.getTime() + 86_400_000) }, dir))
    if (!next.published) throw new Error(next.reason)
    const row = (await rowsOf(join(dir, next.manifest.folder))).find((r) => r.uscc === target.uscc)
    expect(row?.records.map((r) => r.id)).not.toContain(id)
  })
})

describe('the verify tool, on any damage', () => {
  it('never throws: whatever byte of whatever file flips, it answers with problems', async () => {
    const names = manifest.files.map((f) => f.name)
    const dir = await copy()
    const originals = new Map(
      await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (name, at, mask) => {
          const bytes = Buffer.from(originals.get(name) as Buffer)
          bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ mask
          await writeFile(join(dir, name), bytes)
          try {
            const verdict = await verifyPublication(await folderSource(dir), keys())
            expect(verdict.ok).toBe(false)
          } finally {
            await writeFile(join(dir, name), originals.get(name) as Buffer)
          }
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)
})
