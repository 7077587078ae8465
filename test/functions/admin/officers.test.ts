/** The officer registry through the signed admin API, on DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { type OfficerKeyPair, signRequest } from '../../../shared/auth/sign-request.js'
import { useTable } from '../../fixtures/db.js'
import { officerKeyPair, registerOfficer, type TestOfficer } from '../../fixtures/officers.js'

const NOW = new Date('2026-12-04T02:00:00.000Z')
const db = useTable()
const keys: Record<string, TestOfficer> = {}

async function keyPair(officerId: string) {
  keys[officerId] = await officerKeyPair(officerId)
  return keys[officerId] as TestOfficer
}

beforeAll(async () => {
  keys['gd-admin'] = await registerOfficer(db.current.store, 'gd-admin', {
    roles: ['admin'],
    regionScope: '44',
    authority: '广东省人力资源和社会保障厅',
    at: NOW,
  })
  keys['gz-maker'] = await registerOfficer(db.current.store, 'gz-maker', {
    roles: ['maker'],
    regionScope: '4401',
    authority: '广东省人力资源和社会保障厅',
    at: NOW,
  })
})

const app = () => createAdminApp({ store: db.current.store, now: () => NOW })
async function post(officer: string, path: string, body: unknown) {
  const text = JSON.stringify(body)
  const jws = await signRequest(
    keys[officer] as OfficerKeyPair,
    { method: 'POST', path, body: text },
    NOW.getTime(),
  )
  const res = await app().request(path, {
    method: 'POST',
    headers: { Authorization: `Chengxin-JWS ${jws}` },
    body: text,
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
async function whoami(officer: string) {
  const jws = await signRequest(
    keys[officer] as OfficerKeyPair,
    { method: 'GET', path: '/v1/admin/whoami', body: '' },
    NOW.getTime(),
  )
  return (await app().request('/v1/admin/whoami', { headers: { Authorization: `Chengxin-JWS ${jws}` } }))
    .status
}

describe('officer registry', () => {
  it('an admin registers an officer within their region, who can then sign; others cannot register', async () => {
    const key = await keyPair('sz-checker')
    const body = {
      officerId: 'sz-checker',
      jwk: key.publicJwk,
      roles: ['checker'],
      authority: '深圳市人力资源和社会保障局',
      regionScope: '4403',
    }
    expect(await post('gz-maker', '/v1/admin/officers', body)).toMatchObject({
      status: 403,
      body: { error: 'forbidden_role' },
    })
    expect(await post('gd-admin', '/v1/admin/officers', { ...body, regionScope: '11' })).toMatchObject({
      status: 403,
      body: { error: 'out_of_region' },
    })
    expect(
      await post('gd-admin', '/v1/admin/officers', {
        ...body,
        jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' },
      }),
    ).toMatchObject({
      status: 400,
    })
    expect(await db.current.store.listOfficerKeys('sz-checker')).toEqual([])
    expect(await post('gd-admin', '/v1/admin/officers', body)).toMatchObject({
      status: 201,
      body: { kid: key.kid },
    })
    expect(await whoami('sz-checker')).toBe(200)
    expect(await post('gd-admin', '/v1/admin/officers', body)).toMatchObject({
      status: 409,
      body: { error: 'key_exists' },
    })
  })

  it('an admin revokes a key, which then signs nothing', async () => {
    expect(await whoami('gz-maker')).toBe(200)
    const kid = keys['gz-maker']?.kid
    expect(await post('gd-admin', `/v1/admin/officers/gz-maker/keys/${kid}/revoke`, {})).toMatchObject({
      status: 200,
    })
    expect(await whoami('gz-maker')).toBe(401)
    expect(await post('gd-admin', '/v1/admin/officers/nobody/keys/none/revoke', {})).toMatchObject({
      status: 404,
    })
  })
})
