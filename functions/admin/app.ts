/**
 * The admin API for regulators' officers (/v1/admin): every request signed (auth.ts). So far it
 * answers who the signer is; the record workflow (submit, approve, repair, withdraw, objections)
 * builds on it.
 */
import type { X509Certificate } from 'node:crypto'
import { Hono } from 'hono'
import type { ObjectionPolicy } from '../../shared/objections/policy.js'
import { isTransient } from '../../shared/store/errors.js'
import type { Store } from '../../shared/store/store.js'
import { type AdminEnv, requireSignature } from './auth.js'
import { importRoutes } from './imports.js'
import { type ObjectionStore, objectionAdminRoutes } from './objections.js'
import { type OfficerStore, officerRoutes } from './officers.js'
import { recordRoutes, reviewRoutes } from './records.js'
import { type RemedyStore, remedyRoutes } from './remedies.js'

export type AdminDeps = {
  store: Pick<Store, 'getOfficerKey' | 'spendNonce'> & RemedyStore & OfficerStore & ObjectionStore
  now(): Date
  /** The root CA officer certificates must chain to; without one, keys are registered bare. */
  rootCa?: X509Certificate
  /** How objections are answered (default: DEFAULT_OBJECTION_POLICY). */
  objectionPolicy?: ObjectionPolicy
}

export function createAdminApp(deps: AdminDeps) {
  const app = new Hono<AdminEnv>()
  app.use('/v1/admin/*', requireSignature(deps.store, deps.now))
  app.get('/v1/admin/whoami', (c) => {
    const o = c.get('officer')
    return c.json({
      officerId: o.officerId,
      kid: o.kid,
      roles: o.roles,
      ...(o.name ? { name: o.name } : {}),
      regionScope: o.regionScope,
      authority: o.authority,
    })
  })
  recordRoutes(app, deps.store, deps.now)
  importRoutes(app, deps.store, deps.now)
  reviewRoutes(app, deps.store, deps.now)
  remedyRoutes(app, deps.store, deps.now)
  officerRoutes(app, deps.store, deps.now, deps.rootCa)
  objectionAdminRoutes(app, deps.store, deps.now, deps.objectionPolicy)
  app.onError((error, c) => {
    if (isTransient(error)) {
      c.header('Retry-After', '2')
      return c.json(
        {
          error: 'unavailable',
          message: 'The registry is busy; nothing was changed. Send the request again, signed anew',
        },
        503,
      )
    }
    console.error(JSON.stringify({ level: 'ERROR', service: 'admin', message: error.message }))
    return c.json(
      { error: 'internal', message: 'Something went wrong on our side; nothing was changed' },
      500,
    )
  })
  app.notFound((c) =>
    c.json({ error: 'not_found', message: `No such admin endpoint: ${c.req.path.slice(0, 200)}` }, 404),
  )
  return app
}
