/**
 * End to end on DynamoDB Local: an officer submits a serious record, a second officer approves it,
 * and the public API shows the agency's new grade within 2 seconds (stream → stream handler →
 * rating), with the same cores the Lambdas run.
 */

import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { createApiApp } from '../../../functions/api/app.js'
import { refreshingIndex } from '../../../functions/api/search-index.js'
import { fsBlobStore } from '../../../functions/export/blob-store.js'
import { exportOpenData } from '../../../functions/export/export.js'
import { silentLog } from '../../../functions/log.js'
import { rateAgencies } from '../../../functions/rate/rate-agencies.js'
import { handleStream } from '../../../functions/rate/stream.js'
import { startStreamPoller } from '../../../infra/local/stream-poller.js'
import type { OfficerKeyPair } from '../../../shared/auth/sign-request.js'
import type { ExportRow } from '../../../shared/open-data/row.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import { localSigner } from '../../../shared/signing/local-signer.js'
import type { Signer } from '../../../shared/signing/signer.js'
import { USCC_A } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'
import { registerOfficer, signedAdminRequest } from '../../fixtures/officers.js'
import { importClean } from '../../fixtures/pipeline.js'

const db = useTable()
const officers: Record<string, OfficerKeyPair> = {}
let stopPoller: (() => Promise<void>) | undefined

async function register(officerId: string, roles: ('maker' | 'checker')[]) {
  officers[officerId] = await registerOfficer(db.current.store, officerId, { roles, regionScope: '4401' })
}

beforeAll(async () => {
  const { store, client, endpoint, tableName } = db.current
  await importClean(store, USCC_A)
  const rate = { store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => new Date() }
  await rateAgencies(rate, [USCC_A], new Date())
  await register('gz-maker', ['maker'])
  await register('gz-checker', ['checker'])
  const poller = await startStreamPoller({
    client,
    endpoint,
    tableName,
    handle: (e) => handleStream(rate, e),
  })
  stopPoller = () => poller.stop()
}, 60_000)
afterAll(async () => {
  await stopPoller?.()
})

describe('submit → approve → grade → repair', () => {
  it('shows the new grade within 2 s of the approval, restores it after a credit repair, and leaves the record out of the next export', async () => {
    const { store } = db.current
    const admin = createAdminApp({ store, now: () => new Date() })
    const api = createApiApp({
      ping: () => store.ping(),
      now: () => new Date(),
      demo: true,
      store,
      search: refreshingIndex(async () => [], { maxAgeMs: 60_000 }),
      signer: {} as Signer,
      methodology: DEFAULT_METHODOLOGY,
      log: silentLog,
      hotCacheMs: 0,
    })
    const grade = async () =>
      ((await (await api.request(`/v1/agencies/${USCC_A}`)).json()) as { rating: { grade: string } }).rating
        .grade
    expect(await grade()).not.toBe('D')
    const signedPost = async (officer: string, path: string, body: unknown) => {
      const request = { method: 'POST' as const, path, body: JSON.stringify(body) }
      return signedAdminRequest(admin, officers[officer] as OfficerKeyPair, request, Date.now())
    }
    const record = {
      uscc: USCC_A,
      id: ulid(),
      occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      kind: 'criminal_penalty',
      severity: 'serious',
      title: {
        zh: '负责人因非法职业中介活动受刑事处罚',
        en: 'Person in charge sentenced for illegal job brokering',
      },
      authority: '广州市天河区人民法院',
      source: { name: '中国裁判文书网' },
    }
    expect((await signedPost('gz-maker', '/v1/admin/records', record)).status).toBe(201)
    // Pending: nothing counts before a second officer approves.
    await new Promise((r) => setTimeout(r, 500))
    expect(await grade()).not.toBe('D')
    const approved = Date.now()
    const path = `/v1/admin/records/${USCC_A}/${record.occurredOn}/${record.id}/approve`
    expect((await signedPost('gz-checker', path, {})).status).toBe(200)
    while ((await grade()) !== 'D') {
      expect(Date.now() - approved, 'new grade within 2 s').toBeLessThan(2_000)
      await new Promise((r) => setTimeout(r, 25))
    }

    // Credit repair: the grade comes back, and the next export leaves the record out.
    const repaired = Date.now()
    const repair = `/v1/admin/records/${USCC_A}/${record.occurredOn}/${record.id}/repair`
    const decidedOn = new Date().toISOString().slice(0, 10)
    expect(
      (await signedPost('gz-checker', repair, { documentNo: '穗人社信复〔2026〕7号', decidedOn })).status,
    ).toBe(200)
    while ((await grade()) === 'D') {
      expect(Date.now() - repaired, 'grade restored within 2 s').toBeLessThan(2_000)
      await new Promise((r) => setTimeout(r, 25))
    }
    const dir = await mkdtemp(join(tmpdir(), 'chengxin-e2e-export-'))
    const result = await exportOpenData({
      store,
      blobs: fsBlobStore(dir),
      signer: await localSigner(join(dir, '..', `${ulid()}.jwk.json`)),
      methodology: DEFAULT_METHODOLOGY,
      log: silentLog,
      now: () => new Date(),
    })
    if (!result.published) throw new Error(result.reason)
    const rows = gunzipSync(await readFile(join(dir, result.manifest.folder, 'ratings.jsonl.gz')))
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as ExportRow)
    expect(rows.find((r) => r.uscc === USCC_A)?.records.map((r) => r.id)).not.toContain(record.id)
  }, 30_000)
})
