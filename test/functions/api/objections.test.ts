/** Public objections (异议) on DynamoDB Local: filed without login, validated, nothing written on bad input. */
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/api/full-app.js'
import { type ObjectionPolicy, objectionPolicy } from '../../../shared/objections/policy.js'
import { ratedApi } from '../../fixtures/api.js'

let api: Awaited<ReturnType<typeof ratedApi>>
let target: { uscc: string; recordId: string }
beforeAll(async () => {
  api = await ratedApi(20)
  for (const { uscc } of await api.deps.search.entries()) {
    const record = (await api.table.store.listRecords(uscc)).find(
      (r) => r.status === 'effective' && r.kind === 'penalty',
    )
    if (record) {
      target = { uscc, recordId: record.id }
      break
    }
  }
}, 60_000)
afterAll(async () => {
  await api.table.drop()
})

let policy: ObjectionPolicy | undefined
const app = () =>
  createApp({ ...api.deps, objections: api.table.store, ...(policy ? { objectionPolicy: policy } : {}) })
const post = async (body: unknown) => {
  const res = await app().request('/v1/objections', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const count = async () => (await api.table.store.listObjections(target.uscc)).length

describe('POST /v1/objections', () => {
  it('files an objection without login, for the officers of the record’s region, with a date to answer by', async () => {
    const id = ulid()
    const statement = '该处罚决定已被行政复议撤销，复议决定书文号为某某〔2026〕1号。'
    const filed = await post({ ...target, statement, id })
    expect(filed).toMatchObject({
      status: 201,
      body: { id, status: 'received', answerBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    })
    const stored = await api.table.store.getObjection(target.uscc, id)
    expect(stored).toMatchObject({ recordId: target.recordId, status: 'open', statement })
    // A retry of the same objection is harmless; another one under its id is refused.
    expect([200, 201]).toContain((await post({ ...target, statement, id })).status)
    expect((await post({ ...target, statement: `${statement}（补充）`, id })).status).toBe(409)
    expect(await count()).toBe(1)
  })

  it('refuses bad input with the problem named, writing nothing', async () => {
    const before = await count()
    expect(await post('not json')).toMatchObject({ status: 400, body: { error: 'invalid_body' } })
    expect(await post({ ...target, statement: '太短' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_body' },
    })
    expect(await post({ ...target, uscc: '123', statement: '这条记录不属于本机构，请核实。' })).toMatchObject(
      { status: 400 },
    )
    expect(
      await post({ ...target, recordId: 'NOSUCHRECORD', statement: '这条记录不属于本机构，请核实。' }),
    ).toMatchObject({
      status: 404,
      body: { error: 'unknown_record' },
    })
    expect(await post({ ...target, statement: '<script>alert(1)</script>'.repeat(100) })).toMatchObject({
      status: 400,
    })
    expect(await count()).toBe(before)
  })
})

describe('POST /v1/objections without a client id', () => {
  it('keeps one objection when the same objection is sent twice', async () => {
    const before = await count()
    const body = { ...target, statement: '该记录的文号与复议决定书不符，请核实原件。' }
    const first = await post(body)
    const again = await post(body)
    expect(first.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    expect([200, 201]).toContain(again.status)
    // A retry a minute later (another filing time) is still the same objection.
    const later = new Date(api.deps.now().getTime() + 60_000)
    const res = await createApp({ ...api.deps, now: () => later, objections: api.table.store }).request(
      '/v1/objections',
      {
        method: 'POST',
        body: JSON.stringify(body),
      },
    )
    expect(res.status).toBe(200)
    expect(((await res.json()) as { id: string }).id).toBe(first.body.id)
    expect(await count()).toBe(before + 1)
  })
})

describe('GET /v1/agencies/{uscc}/objections/{id}', () => {
  const get = async (path: string) => {
    const res = await app().request(path)
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown>,
      cache: res.headers.get('cache-control'),
    }
  }

  it('tells where an objection stands, never its statement, with the configured answer time', async () => {
    const statement = '记录中的处罚金额与决定书不一致，请核对决定书原件。'
    const filed = await post({ ...target, statement })
    const id = filed.body.id as string
    const now = api.deps.now()
    const standing = await get(`/v1/agencies/${target.uscc}/objections/${id}`)
    expect(standing).toMatchObject({
      status: 200,
      cache: 'no-store',
      body: { id, recordId: target.recordId, status: 'received', overdue: false },
    })
    expect(JSON.stringify(standing.body)).not.toContain(statement)
    const day = (offset: number) =>
      new Date(now.getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10)
    expect(standing.body.answerBy).toBe(day(10))
    policy = objectionPolicy('20')
    try {
      expect((await get(`/v1/agencies/${target.uscc}/objections/${id}`)).body.answerBy).toBe(day(20))
    } finally {
      policy = undefined
    }
    expect(() => objectionPolicy('0')).toThrow(/OBJECTION_ANSWER_DAYS/)
    expect(() => objectionPolicy('ten')).toThrow(/OBJECTION_ANSWER_DAYS/)
    expect(await get(`/v1/agencies/${target.uscc}/objections/NOSUCH`)).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    })
    expect((await get('/v1/agencies/123/objections/NOSUCH')).status).toBe(400)
  })
})
