/**
 * The officer registry, for admins: register an officer's public key (roles and region scope no
 * wider than the admin's own) and revoke keys. A revoked key signs nothing from that moment on.
 */
import type { Hono } from 'hono'
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose'
import * as z from 'zod/mini'
import { OFFICER_ROLES } from '../../shared/agency/vocabulary.js'
import { AlreadyExistsError, ReplayError } from '../../shared/store/errors.js'
import type { Store } from '../../shared/store/store.js'
import type { AdminEnv } from './auth.js'
import { REPLAYED, spentNonce } from './commit.js'

export type OfficerStore = Pick<Store, 'addOfficerKey' | 'revokeOfficerKey' | 'spendNonce' | 'getOfficerKey'>

const NewOfficerKey = z.strictObject({
  officerId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes')),
  jwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() }),
  roles: z.array(z.enum(OFFICER_ROLES)).check(z.minLength(1)),
  authority: z.string().check(z.minLength(1), z.maxLength(100)),
  regionScope: z.string().check(z.regex(/^(\d{2}){0,3}$/, 'empty, or 2, 4 or 6 digits of a GB/T 2260 code')),
})

export function officerRoutes(app: Hono<AdminEnv>, store: OfficerStore, now: () => Date) {
  const spend = (officer: AdminEnv['Variables']['officer']) => store.spendNonce(spentNonce(officer, now()))

  app.post('/v1/admin/officers', async (c) => {
    const admin = c.get('officer')
    let input: unknown
    try {
      input = JSON.parse(await c.req.text())
    } catch {
      return c.json({ error: 'invalid_body', message: 'The body is not JSON' }, 400)
    }
    const parsed = NewOfficerKey.safeParse(input)
    if (!parsed.success)
      return c.json(
        {
          error: 'invalid_body',
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
        400,
      )
    const { jwk: raw, ...rest } = parsed.data
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
    const kid = await calculateJwkThumbprint(jwk)
    // Refusals come before the nonce is spent: a refused request writes nothing.
    if (await store.getOfficerKey(rest.officerId, kid))
      return c.json({ error: 'key_exists', message: `Key ${kid} is already registered` }, 409)
    try {
      await spend(admin)
      await store.addOfficerKey({
        ...rest,
        kid,
        jwk: { ...jwk, kid },
        status: 'active',
        createdAt: now().toISOString(),
      })
    } catch (error) {
      if (error instanceof ReplayError)
        return c.json({ error: REPLAYED.error, message: REPLAYED.message }, 401)
      if (error instanceof AlreadyExistsError)
        return c.json({ error: 'key_exists', message: `Key ${kid} is already registered` }, 409)
      throw error
    }
    return c.json({ officerId: rest.officerId, kid, roles: rest.roles, regionScope: rest.regionScope }, 201)
  })

  app.post('/v1/admin/officers/:officerId/keys/:kid/revoke', async (c) => {
    const admin = c.get('officer')
    if (!admin.roles.includes('admin'))
      return c.json({ error: 'forbidden_role', message: 'Only admins revoke keys' }, 403)
    const { officerId, kid } = c.req.param()
    if (!(await store.getOfficerKey(officerId, kid)))
      return c.json({ error: 'unknown_key', message: 'No such officer key' }, 404)
    try {
      await spend(admin)
    } catch (error) {
      if (error instanceof ReplayError)
        return c.json({ error: REPLAYED.error, message: REPLAYED.message }, 401)
      throw error
    }
    await store.revokeOfficerKey(officerId, kid, now().toISOString())
    return c.json({ officerId, kid, status: 'revoked' })
  })
}
