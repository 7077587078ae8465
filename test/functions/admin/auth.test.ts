/** The admin API's gate on DynamoDB Local: a registered officer's signed request passes; each refusal has its code. */
import { beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { type OfficerKeyPair, signRequest } from '../../../shared/auth/sign-request.js'
import { useTable } from '../../fixtures/db.js'
import { registerOfficer } from '../../fixtures/officers.js'

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
