/** Public objections (异议) on DynamoDB Local: filed without login, validated, nothing written on bad input. */
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/api/full-app.js'
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

const app = () => createApp({ ...api.deps, objections: api.table.store })
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
      body: { id, status: 'open', answerBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    })
    const stored = await api.table.store.getObjection(target.uscc, id)
    expect(stored).toMatchObject({ recordId: target.recordId, status: 'open', statement })
    // A retry of the same objection is harmless; another one under its id is refused.
    expect((await post({ ...target, statement, id })).status).toBe(201)
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
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } })
    expect(await count()).toBe(before + 1)
  })
})
