/**
 * Submitting records through the signed admin API, on DynamoDB Local: a maker in the agency's region
 * submits; every refusal writes nothing; a replay is refused; retries never make a second record.
 */
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { type OfficerKeyPair, signRequest } from '../../../shared/auth/sign-request.js'
import { anAgency, USCC_A } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'
import { registerOfficer } from '../../fixtures/officers.js'

const NOW = new Date('2026-12-04T02:00:00.000Z')
const db = useTable()
const officers: Record<string, OfficerKeyPair> = {}

async function register(officerId: string, roles: ('maker' | 'checker')[], regionScope: string) {
  officers[officerId] = await registerOfficer(db.current.store, officerId, { roles, regionScope, at: NOW })
}

beforeAll(async () => {
  await db.current.store.putAgency(anAgency({ uscc: USCC_A, region: '440106' }))
  await register('gz-maker', ['maker'], '4401')
  await register('gz-checker', ['checker'], '4401')
  await register('sz-maker', ['maker'], '4403')
  await register('sz-checker', ['checker'], '4403')
  await register('gz-both', ['maker', 'checker'], '44')
})

const submission = (id = ulid(NOW.getTime())) => ({
  uscc: USCC_A,
  id,
  occurredOn: '2026-11-20',
  kind: 'penalty',
  severity: 'general',
  violation: 'false_information',
  title: { zh: '发布虚假招聘信息', en: 'Published false job information' },
  authority: '广州市天河区人力资源和社会保障局',
  documentNo: '穗天人社罚〔2026〕88号',
  source: { name: '信用中国（广东）', url: 'https://credit.gd.gov.cn/' },
})

const app = () => createAdminApp({ store: db.current.store, now: () => NOW })

/** A request signed by `officer` (or carrying the JWS given, to replay one), and its JSON answer. */
async function call(officer: string, method: 'GET' | 'POST', path: string, payload?: unknown, jws?: string) {
  const text = method === 'GET' ? '' : JSON.stringify(payload ?? {})
  const signature =
    jws ??
    (await signRequest(officers[officer] as OfficerKeyPair, { method, path, body: text }, NOW.getTime()))
  const res = await app().request(path, {
    method,
    headers: { Authorization: `Chengxin-JWS ${signature}`, 'Content-Type': 'application/json' },
    ...(method === 'GET' ? {} : { body: text }),
  })
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in the assertions
  return { status: res.status, body: (await res.json()) as Record<string, any>, jws: signature }
}
const submit = (officer: string, body: unknown, jws?: string) =>
  call(officer, 'POST', '/v1/admin/records', body, jws)
const auditCount = async () => (await db.current.store.listAudit(USCC_A)).length
const recordCount = async () => (await db.current.store.listRecords(USCC_A)).length

describe('record submission', () => {
  it('keeps a maker’s record pending, with the signed request and an audit event; a replay changes nothing', async () => {
    const body = submission()
    const first = await submit('gz-maker', body)
    expect(first.status).toBe(201)
    const stored = await db.current.store.getRecord(USCC_A, body.occurredOn, body.id)
    expect(stored).toMatchObject({
      status: 'pending',
      region: '440106',
      submitted: { officerId: 'gz-maker', signature: first.jws },
    })
    const events = await db.current.store.listAudit(USCC_A)
    expect(events.at(-1)).toMatchObject({ action: 'record.submitted', actor: 'gz-maker' })
    const [records, audits] = [await recordCount(), await auditCount()]
    expect(await submit('gz-maker', body, first.jws)).toMatchObject({
      status: 401,
      body: { error: 'replayed_request' },
    })
    expect([await recordCount(), await auditCount()]).toEqual([records, audits])
  })

  it('refuses the wrong role, the wrong region, a bad body and an unknown agency, writing nothing', async () => {
    const [records, audits] = [await recordCount(), await auditCount()]
    expect(await submit('gz-checker', submission())).toMatchObject({
      status: 403,
      body: { error: 'forbidden_role' },
    })
    expect(await submit('sz-maker', submission())).toMatchObject({
      status: 403,
      body: { error: 'out_of_region' },
    })
    expect(await submit('gz-maker', { ...submission(), severity: 'dreadful' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_body' },
    })
    expect(await submit('gz-maker', { ...submission(), uscc: '91330100716105852F' })).toMatchObject({
      status: 404,
      body: { error: 'unknown_agency' },
    })
    expect([await recordCount(), await auditCount()]).toEqual([records, audits])
  })

  it('makes one record of 20 concurrent retries of one submission, and refuses another record under its id', async () => {
    const body = submission()
    const [records, audits] = [await recordCount(), await auditCount()]
    const results = await Promise.all(Array.from({ length: 20 }, () => submit('gz-maker', body)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 200).every((r) => r.body.duplicate === true)).toBe(true)
    expect(results.filter((r) => r.status !== 200 && r.status !== 201)).toEqual([])
    expect([await recordCount(), await auditCount()]).toEqual([records + 1, audits + 1])
    expect(await submit('gz-maker', { ...body, documentNo: '另一文号' })).toMatchObject({
      status: 409,
      body: { error: 'id_taken' },
    })
  }, 30_000)
})

async function decide(
  officer: string,
  body: { id: string; occurredOn: string },
  decision: 'approve' | 'reject',
  reason?: string,
) {
  const path = `/v1/admin/records/${USCC_A}/${body.occurredOn}/${body.id}/${decision}`
  return call(officer, 'POST', path, reason ? { reason } : {})
}

describe('maker-checker', () => {
  it('a checker in the region, not the submitter, approves: the record becomes effective', async () => {
    const body = submission()
    expect((await submit('gz-maker', body)).status).toBe(201)
    const audits = await auditCount()
    expect(await decide('gz-maker', body, 'approve')).toMatchObject({
      status: 403,
      body: { error: 'forbidden_role' },
    })
    expect(await decide('sz-checker', body, 'approve')).toMatchObject({
      status: 403,
      body: { error: 'out_of_region' },
    })
    expect(await auditCount()).toBe(audits)
    expect(await decide('gz-checker', body, 'approve')).toMatchObject({
      status: 200,
      body: { record: { status: 'effective' } },
    })
    expect(await db.current.store.getRecord(USCC_A, body.occurredOn, body.id)).toMatchObject({
      status: 'effective',
      reviewed: { officerId: 'gz-checker' },
      version: 2,
    })
    expect((await db.current.store.listAudit(USCC_A)).at(-1)).toMatchObject({
      action: 'record.approved',
      actor: 'gz-checker',
    })
  })

  it('refuses self-approval, writing nothing', async () => {
    const body = submission()
    expect((await submit('gz-both', body)).status).toBe(201)
    const audits = await auditCount()
    expect(await decide('gz-both', body, 'approve')).toMatchObject({
      status: 403,
      body: { error: 'self_approval' },
    })
    expect(await auditCount()).toBe(audits)
    expect(await db.current.store.getRecord(USCC_A, body.occurredOn, body.id)).toMatchObject({
      status: 'pending',
      version: 1,
    })
  })

  it('lets exactly one of 20 concurrent approvals take effect', async () => {
    const body = submission()
    expect((await submit('gz-maker', body)).status).toBe(201)
    const audits = await auditCount()
    const results = await Promise.all(Array.from({ length: 20 }, () => decide('gz-checker', body, 'approve')))
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true)
    expect(await auditCount()).toBe(audits + 1)
  }, 30_000)

  it('shows checkers their region’s queue, oldest first, and makers nothing', async () => {
    const body = submission()
    expect((await submit('gz-maker', body)).status).toBe(201)
    const list = (officer: string) => call(officer, 'GET', '/v1/admin/pending')
    expect((await list('gz-checker')).body.items?.map((r: { id: string }) => r.id)).toContain(body.id)
    expect((await list('sz-checker')).body.items?.map((r: { id: string }) => r.id)).not.toContain(body.id)
    expect((await list('gz-maker')).status).toBe(403)
  })

  it('withdraws or repairs only an effective record, and only with a reason or a repair decision', async () => {
    const body = submission()
    expect((await submit('gz-maker', body)).status).toBe(201)
    const act = async (action: 'withdraw' | 'repair', payload: unknown) => {
      const path = `/v1/admin/records/${USCC_A}/${body.occurredOn}/${body.id}/${action}`
      return call('gz-checker', 'POST', path, payload)
    }
    expect(await act('withdraw', { reason: '错误录入' })).toMatchObject({
      status: 409,
      body: { error: 'not_effective' },
    })
    expect((await decide('gz-checker', body, 'approve')).status).toBe(200)
    expect(await act('withdraw', {})).toMatchObject({ status: 400, body: { error: 'invalid_body' } })
    expect(await act('repair', { documentNo: '穗人社信复〔2026〕9号' })).toMatchObject({ status: 400 })
    expect(await act('withdraw', { reason: '错误录入' })).toMatchObject({
      status: 200,
      body: { record: { status: 'withdrawn' } },
    })
    expect((await db.current.store.listAudit(USCC_A)).at(-1)).toMatchObject({
      action: 'record.withdrawn',
      actor: 'gz-checker',
    })
  })

  it('rejects only with a reason', async () => {
    const body = submission()
    expect((await submit('gz-maker', body)).status).toBe(201)
    expect(await decide('gz-checker', body, 'reject')).toMatchObject({
      status: 400,
      body: { error: 'invalid_body' },
    })
    expect(await decide('gz-checker', body, 'reject', '证据不足')).toMatchObject({
      status: 200,
      body: { record: { status: 'rejected' } },
    })
  })
})

describe('objections', () => {
  async function handle(
    officer: string,
    uscc: string,
    id: string,
    action: string,
    reason?: { zh: string; en: string },
  ) {
    return call(officer, 'POST', `/v1/admin/objections/${uscc}/${id}/${action}`, reason ? { reason } : {})
  }
  async function objected() {
    const body = submission()
    expect((await submit('gz-maker', body)).status).toBe(201)
    expect((await decide('gz-checker', body, 'approve')).status).toBe(200)
    const id = ulid(NOW.getTime())
    await db.current.store.putObjection({
      uscc: USCC_A,
      id,
      recordId: body.id,
      statement: '该处罚已被复议撤销。',
      region: '440106',
      status: 'open',
      filedAt: NOW.toISOString(),
      version: 1,
    })
    return { record: body, id }
  }
  const reason = { zh: '复议决定确认原处罚', en: 'The review upheld the penalty' }

  it('accepted, the record shows as under objection; dismissed with a public reason, it counts again', async () => {
    const { record, id } = await objected()
    expect(await handle('gz-maker', USCC_A, id, 'accept')).toMatchObject({ status: 403 })
    expect(await handle('sz-checker', USCC_A, id, 'accept')).toMatchObject({
      status: 403,
      body: { error: 'out_of_region' },
    })
    expect(await handle('gz-checker', USCC_A, id, 'accept')).toMatchObject({
      status: 200,
      body: { record: { status: 'under_objection' } },
    })
    expect((await db.current.store.getRecord(USCC_A, record.occurredOn, record.id))?.status).toBe(
      'under_objection',
    )
    // The region's checkers see it waiting, under review, with the statement and the answer date.
    const queue = async (officer: string) =>
      ((await call(officer, 'GET', '/v1/admin/objections')).body.items as { id: string }[]).filter(
        (o) => o.id === id,
      )
    expect(await queue('gz-checker')).toEqual([
      expect.objectContaining({
        status: 'under_review',
        statement: '该处罚已被复议撤销。',
        answerBy: '2026-12-14',
      }),
    ])
    expect(await queue('sz-checker')).toEqual([])
    expect((await call('gz-maker', 'GET', '/v1/admin/objections')).status).toBe(403)
    expect(await handle('gz-checker', USCC_A, id, 'dismiss')).toMatchObject({ status: 400 })
    expect(await handle('gz-checker', USCC_A, id, 'dismiss', reason)).toMatchObject({
      status: 200,
      body: { objection: { status: 'dismissed' } },
    })
    expect(await db.current.store.getObjection(USCC_A, id)).toMatchObject({
      status: 'dismissed',
      resolution: reason,
      resolvedBy: 'gz-checker',
    })
    expect(await queue('gz-checker')).toEqual([])
    expect((await db.current.store.getRecord(USCC_A, record.occurredOn, record.id))?.status).toBe('effective')
  })

  it('upheld, the record is withdrawn', async () => {
    const { record, id } = await objected()
    expect((await handle('gz-checker', USCC_A, id, 'accept')).status).toBe(200)
    const upheld = { zh: '原处罚已撤销', en: 'The penalty was annulled' }
    expect(await handle('gz-checker', USCC_A, id, 'uphold', upheld)).toMatchObject({
      status: 200,
      body: { objection: { status: 'upheld' } },
    })
    expect((await db.current.store.getRecord(USCC_A, record.occurredOn, record.id))?.status).toBe('withdrawn')
    expect(await handle('gz-checker', USCC_A, id, 'uphold', upheld)).toMatchObject({
      status: 409,
      body: { error: 'not_under_review' },
    })
  })

  it('decides only an accepted objection, one per record at a time; a record with one waiting is not repaired', async () => {
    const { record, id } = await objected()
    const second = ulid(NOW.getTime() + 1)
    await db.current.store.putObjection({
      uscc: USCC_A,
      id: second,
      recordId: record.id,
      statement: '另一条异议：该记录日期有误。',
      region: '440106',
      status: 'open',
      filedAt: NOW.toISOString(),
      version: 1,
    })
    const repair = { documentNo: '穗人社修〔2026〕3号', decidedOn: '2026-12-01' }
    const path = `/v1/admin/records/${USCC_A}/${record.occurredOn}/${record.id}/repair`
    expect(await call('gz-checker', 'POST', path, repair)).toMatchObject({
      status: 409,
      body: { error: 'objection_waiting' },
    })
    expect((await handle('gz-checker', USCC_A, id, 'accept')).status).toBe(200)
    // The other one waits: it cannot be decided unaccepted, nor accepted while the first is reviewed.
    expect(await handle('gz-checker', USCC_A, second, 'dismiss', reason)).toMatchObject({
      status: 409,
      body: { error: 'not_under_review' },
    })
    expect(await handle('gz-checker', USCC_A, second, 'accept')).toMatchObject({
      status: 409,
      body: { error: 'wrong_state' },
    })
    expect((await db.current.store.getObjection(USCC_A, id))?.status).toBe('under_review')
    expect((await handle('gz-checker', USCC_A, id, 'dismiss', reason)).status).toBe(200)
    expect((await handle('gz-checker', USCC_A, second, 'accept')).status).toBe(200)
    expect((await handle('gz-checker', USCC_A, second, 'dismiss', reason)).status).toBe(200)
    expect(await call('gz-checker', 'POST', path, repair)).toMatchObject({
      status: 200,
      body: { record: { status: 'repaired' } },
    })
    expect(await call('gz-checker', 'POST', path.replace('/repair', '/withdraw'), null)).toMatchObject({
      status: 400,
    })
  })
})
