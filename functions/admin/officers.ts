/**
 * The officer registry, for admins: register an officer's public key (roles and region scope no
 * wider than the admin's own; optionally with an X.509 chain to the configured root CA) and revoke
 * keys. A revoked key signs nothing from that moment on. Each change joins the registry's audit
 * chain with the admin's signature, in one transaction with the admin's nonce.
 */
import type { X509Certificate } from 'node:crypto'
import type { Hono } from 'hono'
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose'
import * as z from 'zod/mini'
import { OFFICER_ID, OFFICER_ROLES } from '../../shared/agency/vocabulary.js'
import { REGISTRY_CHAIN } from '../../shared/audit/chain.js'
import { checkCertificateChain } from '../../shared/auth/certificate.js'
import type { OfficerKey } from '../../shared/store/entities/officer.js'
import type { Store } from '../../shared/store/store.js'
import { typedText } from '../../shared/validation.js'
import type { AdminEnv, Officer } from './auth.js'
import { commitAudited, partOf, spendRequestNonce } from './commit.js'
import { readJson } from './schemas.js'

export type OfficerStore = Pick<
  Store,
  'spendNonce' | 'changeOfficerKey' | 'getOfficerKey' | 'lastAuditConsistent' | 'listOfficerKeys'
>

export const NewOfficerKey = z.strictObject({
  officerId: z.string().check(z.regex(OFFICER_ID, 'lower-case letters, digits and dashes')),
  jwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() }),
  name: typedText(50),
  roles: z.array(z.enum(OFFICER_ROLES)).check(z.minLength(1)),
  authority: z.string().check(z.minLength(1), z.maxLength(100)),
  regionScope: z.string().check(z.regex(/^(\d{2}){0,3}$/, 'empty, or 2, 4 or 6 digits of a GB/T 2260 code')),
  /** PEM certificates, leaf first, chaining to the configured root CA. */
  certificates: z.optional(z.array(z.string().check(z.maxLength(8000))).check(z.maxLength(5))),
})

export function officerRoutes(
  app: Hono<AdminEnv>,
  store: OfficerStore,
  now: () => Date,
  rootCa: X509Certificate | undefined,
) {
  /** Revokes one key, audited in the registry chain with the admin's signature. */
  const revoke = (admin: Officer, key: OfficerKey, at: Date) =>
    commitAudited(
      store,
      admin,
      at,
      REGISTRY_CHAIN,
      { action: 'officer.key_revoked', subject: `OFFICER#${key.officerId}#${key.kid}`, detail: {} },
      (nonce, audit) =>
        store.changeOfficerKey({
          key: { ...key, status: 'revoked', revokedAt: at.toISOString() },
          expects: 'active',
          signer: signerOf(admin),
          nonce,
          audit,
        }),
    )

  app.post('/v1/admin/officers', async (c) => {
    const admin = c.get('officer')
    const body = await readJson(c, NewOfficerKey)
    if (!body.ok) return body.response
    const { jwk: raw, certificates, ...rest } = body.data
    const jwk: JWK = { kty: 'EC', crv: 'P-256', x: raw.x, y: raw.y }
    try {
      await importJWK(jwk, 'ES256')
    } catch {
      return c.json({ error: 'invalid_body', message: 'jwk: not a P-256 public key' }, 400)
    }
    if (!admin.roles.includes('admin'))
      return c.json({ error: 'forbidden_role', message: 'Only admins register officers' }, 403)
    if (!rest.regionScope.startsWith(admin.regionScope))
      return c.json(
        { error: 'out_of_region', message: 'An admin registers officers only within their own region' },
        403,
      )
    const at = now()
    const certified = certificates ? checkCertificateChain(certificates, rootCa, raw, at) : undefined
    if (certified && !certified.ok) return c.json({ error: certified.error, message: certified.message }, 400)
    const kid = await calculateJwkThumbprint(jwk)
    const key = {
      ...rest,
      kid,
      jwk: { ...jwk, kid },
      status: 'active' as const,
      createdAt: at.toISOString(),
      ...(certified && certificates
        ? {
            certificate: {
              chain: certificates,
              subject: certified.subject,
              fingerprint256: certified.fingerprint256,
              notAfter: certified.notAfter,
            },
          }
        : {}),
    }
    const result = await commitAudited(
      store,
      admin,
      at,
      REGISTRY_CHAIN,
      {
        action: 'officer.key_added',
        subject: `OFFICER#${rest.officerId}#${kid}`,
        detail: {
          name: rest.name,
          roles: rest.roles,
          regionScope: rest.regionScope,
          authority: rest.authority,
          jwk: key.jwk,
        },
      },
      (nonce, audit) =>
        store.changeOfficerKey({ key, expects: 'new', nonce, audit, signer: signerOf(admin) }),
    )
    if (result === 'exists')
      return c.json({ error: 'key_exists', message: `Key ${kid} is already registered` }, 409)
    if (result !== 'done' && result !== 'conflict')
      return c.json({ error: result.error, message: result.message }, result.status)
    return c.json(
      {
        officerId: rest.officerId,
        kid,
        roles: rest.roles,
        regionScope: rest.regionScope,
        ...(key.certificate
          ? { certificate: { subject: key.certificate.subject, notAfter: key.certificate.notAfter } }
          : {}),
      },
      201,
    )
  })

  app.post('/v1/admin/officers/:officerId/keys/:kid/revoke', async (c) => {
    const admin = c.get('officer')
    if (!admin.roles.includes('admin'))
      return c.json({ error: 'forbidden_role', message: 'Only admins revoke keys' }, 403)
    const { officerId, kid } = c.req.param()
    const key = await store.getOfficerKey(officerId, kid)
    if (!key) return c.json({ error: 'unknown_key', message: 'No such officer key' }, 404)
    if (!key.regionScope.startsWith(admin.regionScope))
      return c.json({ error: 'out_of_region', message: 'The officer acts outside your region' }, 403)
    if (key.status === 'revoked') return c.json({ officerId, kid, status: 'revoked' })
    const result = await revoke(admin, key, now())
    if (result !== 'done' && result !== 'conflict' && result !== 'exists')
      return c.json({ error: result.error, message: result.message }, result.status)
    return c.json({ officerId, kid, status: 'revoked' })
  })

  // Every active key of an officer at once (they leave, or a device is lost): one audit event each.
  app.post('/v1/admin/officers/:officerId/revoke', async (c) => {
    const admin = c.get('officer')
    if (!admin.roles.includes('admin'))
      return c.json({ error: 'forbidden_role', message: 'Only admins revoke keys' }, 403)
    const { officerId } = c.req.param()
    if (!OFFICER_ID.test(officerId))
      return c.json({ error: 'unknown_officer', message: 'No such officer' }, 404)
    const all = await store.listOfficerKeys(officerId)
    if (all.length === 0)
      return c.json({ error: 'unknown_officer', message: `No officer ${officerId} is registered` }, 404)
    const keys = all.filter((k) => k.status === 'active')
    if (keys.some((k) => !k.regionScope.startsWith(admin.regionScope)))
      return c.json({ error: 'out_of_region', message: 'The officer acts outside your region' }, 403)
    const at = now()
    // A replay of this request is refused before any key; each key spends its own nonce.
    const replayed = await spendRequestNonce(store, admin, at)
    if (replayed) return c.json({ error: replayed.error, message: replayed.message }, replayed.status)
    const revoked: string[] = []
    for (const [i, key] of keys.entries()) {
      const result = await revoke(partOf(admin, i), key, at)
      if (result === 'done' || result === 'conflict') revoked.push(key.kid)
      else if (result !== 'exists')
        return c.json({ error: result.error, message: result.message, revoked }, result.status)
    }
    return c.json({ officerId, revoked })
  })
}

const signerOf = (officer: { officerId: string; kid: string }) => ({
  officerId: officer.officerId,
  kid: officer.kid,
})
