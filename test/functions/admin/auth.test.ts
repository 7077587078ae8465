/** The admin API's gate on DynamoDB Local: a registered officer's signed request passes; each refusal has its code. */
import { beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { type OfficerKeyPair, signRequest } from '../../../shared/auth/sign-request.js'
import { useTable } from '../../fixtures/db.js'
import { registerOfficer, signedAdminRequest } from '../../fixtures/officers.js'

const NOW = new Date('2026-12-04T02:00:00.000Z')
const db = useTable()
let officer: OfficerKeyPair
let revoked: OfficerKeyPair

const register = (officerId: string, status: 'active' | 'revoked'): Promise<OfficerKeyPair> =>
  registerOfficer(db.current.store, officerId, {
    roles: ['maker'],
    regionScope: '4401',
    status,
    authority: '广州市人力资源和社会保障局',
    at: NOW,
  })

beforeAll(async () => {
  officer = await register('gz-001', 'active')
  revoked = await register('gz-002', 'revoked')
})

const app = () => createAdminApp({ store: db.current.store, now: () => NOW })
const call = async (path: string, jws?: string) => {
  const res = await app().request(path, { headers: jws ? { Authorization: `Chengxin-JWS ${jws}` } : {} })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const signed = (key: OfficerKeyPair, path: string, at = NOW.getTime()) =>
  signRequest(key, { method: 'GET', path, body: '' }, at)

describe('the admin gate', () => {
  it('lets a registered officer through and says who they are', async () => {
    const { status, body } = await call('/v1/admin/whoami', await signed(officer, '/v1/admin/whoami'))
    expect(status).toBe(200)
    expect(body).toMatchObject({
      officerId: 'gz-001',
      kid: officer.kid,
      roles: ['maker'],
      regionScope: '4401',
    })
  })

  it('refuses unsigned, revoked, stale and misdirected requests, each with its own code', async () => {
    expect(await call('/v1/admin/whoami')).toMatchObject({
      status: 401,
      body: { error: 'missing_signature' },
    })
    expect(await call('/v1/admin/whoami', await signed(revoked, '/v1/admin/whoami'))).toMatchObject({
      status: 401,
      body: { error: 'revoked_key' },
    })
    expect(
      await call('/v1/admin/whoami', await signed(officer, '/v1/admin/whoami', NOW.getTime() - 10 * 60_000)),
    ).toMatchObject({ status: 401, body: { error: 'stale_request' } })
    expect(await call('/v1/admin/whoami', await signed(officer, '/v1/admin/pending'))).toMatchObject({
      status: 401,
      body: { error: 'request_mismatch' },
    })
    // Unknown endpoints answer only to signed requests.
    expect(await call('/v1/admin/nothing-here')).toMatchObject({ status: 401 })
  })

  it('refuses a key the moment it is revoked', async () => {
    const jws = await signed(officer, '/v1/admin/whoami')
    const key = await db.current.store.getOfficerKey('gz-001', officer.kid)
    if (!key) throw new Error('key missing')
    const { client, tableName } = db.current
    const { UpdateItemCommand } = await import('@aws-sdk/client-dynamodb')
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'OFFICER#gz-001' }, sk: { S: `KEY#${officer.kid}` } },
        UpdateExpression: 'SET #s = :r',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':r': { S: 'revoked' } },
      }),
    )
    // Signed before the revocation, arriving after it.
    expect(await call('/v1/admin/whoami', jws)).toMatchObject({ status: 401, body: { error: 'revoked_key' } })
  })
})

describe('hostile signatures and late revocations', () => {
  let fresh: OfficerKeyPair
  beforeAll(async () => {
    fresh = await register('gz-004', 'active')
  })
  const sign = async (header: Record<string, unknown>, payload: unknown) => {
    const { CompactSign, importJWK } = await import('jose')
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES256', typ: 'chengxin-admin+jws', ...header })
      .sign(await importJWK(fresh.privateJwk, 'ES256'))
  }

  it('answers 401, never 500, for an oversized kid, a junk officer id or a payload that is not claims', async () => {
    const own = { kid: fresh.kid, officer: fresh.officerId }
    for (const jws of [
      await sign({ ...own, kid: 'k'.repeat(3000) }, {}),
      await sign({ ...own, officer: 'OFFICER#../x' }, {}),
      await sign(own, null),
      await sign(own, [1, 2]),
      await sign(own, 'text'),
    ]) {
      const answer = await call('/v1/admin/whoami', jws)
      expect(answer.status).toBe(401)
      expect(['malformed_signature', 'stale_request']).toContain(answer.body.error)
    }
  })

  it('signs the query string too: a changed cursor is refused', async () => {
    const jws = await signed(fresh, '/v1/admin/whoami?x=1')
    expect((await call('/v1/admin/whoami?x=1', jws)).status).toBe(200)
    expect(await call('/v1/admin/whoami?x=2', await signed(fresh, '/v1/admin/whoami?x=1'))).toMatchObject({
      status: 401,
      body: { error: 'request_mismatch' },
    })
  })

  it('writes nothing for a request whose key is revoked after the gate let it through', async () => {
    const { anAgency, USCC_A } = await import('../../fixtures/builders.js')
    await db.current.store.putAgency(anAgency({ uscc: USCC_A, region: '440106' }))
    const late = await register('gz-003', 'active')
    // The key is revoked while the request is being handled (between the gate and the write).
    const store = new Proxy(db.current.store, {
      get(target, name, receiver) {
        if (name !== 'getAgency') return Reflect.get(target, name, receiver)
        return async (uscc: string) => {
          await target.revokeOfficerKey('gz-003', late.kid, NOW.toISOString())
          return target.getAgency(uscc)
        }
      },
    })
    const body = JSON.stringify({
      uscc: USCC_A,
      id: '01KBN0000000000000000000AA',
      occurredOn: '2026-11-20',
      kind: 'complaint',
      outcome: 'upheld',
      severity: 'minor',
      title: { zh: '投诉属实', en: 'Complaint upheld' },
      authority: '广州市人社局',
      source: { name: '12333' },
    })
    const admin = createAdminApp({ store, now: () => NOW })
    const request = { method: 'POST' as const, path: '/v1/admin/records', body }
    const res = await signedAdminRequest(admin, late, request, NOW.getTime())
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: 'revoked_key' })
    expect(await db.current.store.listRecords(USCC_A)).toEqual([])
    expect(await db.current.store.listAudit(USCC_A)).toEqual([])
  })
})
