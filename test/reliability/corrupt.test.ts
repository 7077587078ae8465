/**
 * A corrupt item in the table (a missing field, a wrong type) is reported and skipped by every
 * reader: the API, the search index, the rating pipeline's full re-rate and the open-data export
 * go on with everything else, on DynamoDB Local.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PutItemCommand } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../functions/api/full-app.js'
import { loadSearchEntries } from '../../functions/api/search-source.js'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { exportOpenData } from '../../functions/export/export.js'
import { silentLog } from '../../functions/log.js'
import { rerateAll } from '../../functions/rate/rerate.js'
import { noPinyin } from '../../shared/search/entry.js'
import { createStore } from '../../shared/store/store.js'
import type { CorruptItem } from '../../shared/store/tolerant.js'
import { ratedApi } from '../fixtures/api.js'
import { NOW } from '../fixtures/pipeline.js'

let api: Awaited<ReturnType<typeof ratedApi>>
let healthy: string
let broken: string
const reports: CorruptItem[] = []
let store: ReturnType<typeof createStore>

beforeAll(async () => {
  api = await ratedApi(12)
  const entries = await api.deps.search.entries()
  healthy = entries[0]?.uscc as string
  broken = entries[1]?.uscc as string
  store = createStore({
    documentClient: api.table.documentClient,
    tableName: api.table.tableName,
    onCorrupt: (item) => reports.push(item),
  })
  const put = (item: Record<string, unknown>) =>
    api.table.client.send(new PutItemCommand({ TableName: api.table.tableName, Item: item as never }))
  // The profile loses its name; a record gets a number where a severity should be.
  const { Item: profile } = await api.table.documentClient.send(
    new GetCommand({
      TableName: api.table.tableName,
      Key: { pk: `AGENCY#${broken}`, sk: 'PROFILE' },
    }),
  )
  const { name: _name, ...nameless } = profile as Record<string, unknown>
  await api.table.documentClient.send(
    new PutCommand({
      TableName: api.table.tableName,
      Item: nameless,
    }),
  )
  await put({
    pk: { S: `AGENCY#${healthy}` },
    sk: { S: 'RECORD#2026-11-30#CORRUPT' },
    _et: { S: 'CreditRecord' },
    uscc: { S: healthy },
    id: { S: 'CORRUPT' },
    occurredOn: { S: '2026-11-30' },
    kind: { S: 'penalty' },
    severity: { N: '3' },
  })
}, 60_000)

describe('a corrupt item', () => {
  it('is skipped and reported by single reads and lists; the API answers 404 for it, not 500', async () => {
    expect(await store.getAgency(broken)).toBeUndefined()
    expect(reports.map((r) => r.pk)).toContain(`AGENCY#${broken}`)
    const records = await store.listRecords(healthy)
    expect(records.length).toBeGreaterThanOrEqual(0)
    expect(records.map((r) => r.id)).not.toContain('CORRUPT')
    expect(reports.map((r) => r.sk)).toContain('RECORD#2026-11-30#CORRUPT')
    const app = createApp({ ...api.deps, store })
    expect((await app.request(`/v1/agencies/${broken}`)).status).toBe(404)
    expect((await app.request(`/v1/agencies/${healthy}`)).status).toBe(200)
  })

  it('does not stop the search index, a full re-rate or the export', async () => {
    reports.length = 0
    const entries = await loadSearchEntries(store, noPinyin)
    expect(entries.map((e) => e.uscc)).toContain(healthy)
    expect(entries.map((e) => e.uscc)).not.toContain(broken)
    const report = await rerateAll(
      { store, methodology: api.deps.methodology, log: silentLog, now: () => NOW },
      new Date(NOW.getTime() + 86_400_000),
      { job: 'corrupt-1', segments: 2 },
    )
    expect(report.handled).toBeGreaterThanOrEqual(11)
    const result = await exportOpenData({
      store,
      blobs: fsBlobStore(mkdtempSync(join(tmpdir(), 'chengxin-corrupt-'))),
      signer: api.deps.signer,
      methodology: api.deps.methodology,
      log: silentLog,
      now: () => NOW,
    })
    expect(result.published).toBe(true)
    if (result.published) expect(result.manifest.rows).toBe(11)
    expect(reports.length).toBeGreaterThan(0)
    for (const r of reports) expect(r.reason).toMatch(/name|severity|attribute/i)
  })
})
