/** The officer registry through the signed admin API, on DynamoDB Local. */
import { X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { verifyAuditChain } from '../../../functions/admin/audit-verify.js'
import { REGISTRY_CHAIN } from '../../../shared/audit/chain.js'
import type { OfficerKeyPair } from '../../../shared/auth/sign-request.js'
import { officerCertificate, rootCa, type TestCa } from '../../fixtures/certificates.js'
import { useTable } from '../../fixtures/db.js'
import {
  officerKeyPair,
  registerOfficer,
  signedAdminRequest,
  type TestOfficer,
} from '../../fixtures/officers.js'

const NOW = new Date('2026-12-04T02:00:00.000Z')
const db = useTable()
const keys: Record<string, TestOfficer> = {}
let ca: TestCa
let clock = NOW

async function keyPair(officerId: string) {
  keys[officerId] = await officerKeyPair(officerId)
  return keys[officerId] as TestOfficer
}

beforeAll(async () => {
  ca = await rootCa('人社电子认证 Test Root', new Date('2026-01-01'), new Date('2030-01-01'))
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

const app = () =>
  createAdminApp({ store: db.current.store, now: () => clock, rootCa: new X509Certificate(ca.pem) })
async function post(officer: string, path: string, body: unknown) {
  const request = { method: 'POST' as const, path, body: JSON.stringify(body) }
  const res = await signedAdminRequest(app(), keys[officer] as OfficerKeyPair, request, clock.getTime())
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
async function whoami(officer: string) {
  const request = { method: 'GET' as const, path: '/v1/admin/whoami' }
  return (await signedAdminRequest(app(), keys[officer] as OfficerKeyPair, request, clock.getTime())).status
}

describe('officer registry', () => {
  it('an admin registers an officer within their region, who can then sign; others cannot register', async () => {
    const key = await keyPair('sz-checker')
    const body = {
      officerId: 'sz-checker',
      name: '李审核',
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

  it('every registration and revocation joins the registry audit chain with the admin and their signature', async () => {
    const before = await db.current.store.listAudit(REGISTRY_CHAIN)
    const key = await keyPair('fs-maker')
    const body = {
      officerId: 'fs-maker',
      name: '王录入',
      jwk: key.publicJwk,
      roles: ['maker'],
      authority: '佛山市人社局',
      regionScope: '4406',
    }
    expect((await post('gd-admin', '/v1/admin/officers', body)).status).toBe(201)
    expect((await post('gd-admin', `/v1/admin/officers/fs-maker/keys/${key.kid}/revoke`, {})).status).toBe(
      200,
    )
    const events = (await db.current.store.listAudit(REGISTRY_CHAIN)).slice(before.length)
    expect(events.map((e) => [e.action, e.actor, e.subject])).toEqual([
      ['officer.key_added', 'gd-admin', `OFFICER#fs-maker#${key.kid}`],
      ['officer.key_revoked', 'gd-admin', `OFFICER#fs-maker#${key.kid}`],
    ])
    expect(events[0]?.detail).toMatchObject({ signature: expect.stringMatching(/^ey/) })
    expect(await verifyAuditChain(db.current.store, REGISTRY_CHAIN)).toMatchObject({ brokenAt: null })
  })

  it('registers a key with a certificate from the root CA, refuses a foreign one, and stops it when it expires', async () => {
    const key = await keyPair('zh-checker')
    const body = {
      officerId: 'zh-checker',
      name: '赵审核',
      jwk: key.publicJwk,
      roles: ['checker'],
      authority: '珠海市人社局',
      regionScope: '4404',
    }
    const stranger = await rootCa('Not ours', new Date('2026-01-01'), new Date('2030-01-01'))
    const foreign = await officerCertificate(
      stranger,
      'zh-checker',
      key.publicJwk,
      new Date('2026-01-01'),
      new Date('2030-01-01'),
    )
    expect(await post('gd-admin', '/v1/admin/officers', { ...body, certificates: [foreign] })).toMatchObject({
      status: 400,
      body: { error: 'untrusted_certificate' },
    })
    expect(await db.current.store.listOfficerKeys('zh-checker')).toEqual([])
    const ours = await officerCertificate(
      ca,
      'zh-checker',
      key.publicJwk,
      new Date('2026-01-01'),
      new Date('2027-01-01'),
    )
    expect(await post('gd-admin', '/v1/admin/officers', { ...body, certificates: [ours] })).toMatchObject({
      status: 201,
      body: { certificate: { subject: 'CN=zh-checker', notAfter: '2027-01-01T00:00:00.000Z' } },
    })
    expect(await whoami('zh-checker')).toBe(200)
    clock = new Date('2027-01-02T00:00:00.000Z')
    try {
      expect(await whoami('zh-checker')).toBe(401)
      expect(await whoami('gd-admin')).toBe(200)
    } finally {
      clock = NOW
    }
  })

  it('never registers one public key under two officers (one person could then approve their own record)', async () => {
    const key = await keyPair('hz-maker')
    const body = {
      officerId: 'hz-maker',
      name: '孙录入',
      jwk: key.publicJwk,
      roles: ['maker'],
      authority: '惠州市人社局',
      regionScope: '4413',
    }
    expect((await post('gd-admin', '/v1/admin/officers', body)).status).toBe(201)
    expect(
      await post('gd-admin', '/v1/admin/officers', { ...body, officerId: 'hz-checker', roles: ['checker'] }),
    ).toMatchObject({
      status: 409,
      body: { error: 'key_claimed' },
    })
    expect(await db.current.store.listOfficerKeys('hz-checker')).toEqual([])
  })
})
