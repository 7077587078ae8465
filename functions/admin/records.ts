/**
 * POST /v1/admin/records: an officer (role `maker`) submits a record for an agency in their region.
 * It waits as `pending` until a second officer approves it; nothing counts before. The record, the
 * request's nonce and the audit event are one transaction (shared/store/submit-record.ts).
 */
import type { Hono } from 'hono'
import { nextAuditEvent } from '../../shared/audit/chain.js'
import { MAX_SKEW_MS } from '../../shared/auth/request-signature.js'
import { sameItem } from '../../shared/store/conditional.js'
import { AlreadyExistsError, ChainBrokenError, ReplayError } from '../../shared/store/errors.js'
import type { Store } from '../../shared/store/store.js'
import type { AdminEnv } from './auth.js'
import { RecordSubmission } from './schemas.js'

export type RecordStore = Pick<Store, 'getAgency' | 'getRecord' | 'lastAuditConsistent' | 'submitRecord'>

const fail = (status: 400 | 403 | 404 | 409, error: string, message: string) => ({
  status,
  body: { error, message },
})

export function recordRoutes(app: Hono<AdminEnv>, store: RecordStore, now: () => Date) {
  app.post('/v1/admin/records', async (c) => {
    const officer = c.get('officer')
    let input: unknown
    try {
      input = JSON.parse(await c.req.text())
    } catch {
      return c.json({ error: 'invalid_body', message: 'The body is not JSON' }, 400)
    }
    const parsed = RecordSubmission.safeParse(input)
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; ')
      return c.json({ error: 'invalid_body', message: problems.slice(0, 500) }, 400)
    }
    const r = parsed.data
    const refused = !officer.roles.includes('maker')
      ? fail(403, 'forbidden_role', 'Only officers with the maker role submit records')
      : undefined
    if (refused) return c.json(refused.body, refused.status)
    const agency = await store.getAgency(r.uscc)
    if (!agency)
      return c.json({ error: 'unknown_agency', message: `No agency ${r.uscc} is on the register` }, 404)
    if (!agency.region.startsWith(officer.regionScope))
      return c.json(
        {
          error: 'out_of_region',
          message: `${r.uscc} is outside your region (${officer.regionScope || 'all'})`,
        },
        403,
      )

    const at = now().toISOString()
    const record = {
      ...r,
      region: agency.region,
      status: 'pending' as const,
      submitted: { officerId: officer.officerId, at, signature: officer.jws },
      demo: agency.demo,
      version: 1,
    }
    const nonce = {
      nonce: officer.claims.nonce,
      officerId: officer.officerId,
      usedAt: at,
      expiresAt: Math.ceil((now().getTime() + 2 * MAX_SKEW_MS) / 1000),
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const last = await store.lastAuditConsistent(r.uscc)
      const audit = nextAuditEvent(last, {
        uscc: r.uscc,
        at,
        actor: officer.officerId,
        action: 'record.submitted',
        subject: `RECORD#${r.occurredOn}#${r.id}`,
        detail: { kind: r.kind, signature: officer.jws },
      })
      try {
        await store.submitRecord({ record, nonce, audit })
        return c.json({ record: { ...record, submitted: { officerId: officer.officerId, at } } }, 201)
      } catch (error) {
        if (error instanceof ReplayError)
          return c.json(
            { error: 'replayed_request', message: 'This signed request was already used; sign a new one' },
            401,
          )
        if (error instanceof AlreadyExistsError) {
          // A retry of the same submission answers with the record it made; anything else conflicts.
          const existing = await store.getRecord(r.uscc, r.occurredOn, r.id)
          const {
            submitted: _a,
            status: _b,
            version: _c,
            region: _d,
            demo: _e,
            ...content
          } = existing ?? ({} as never)
          if (existing && sameItem(content, r)) return c.json({ record: existing, duplicate: true }, 200)
          return c.json(
            { error: 'id_taken', message: `Record id ${r.id} is already used by another record` },
            409,
          )
        }
        if (error instanceof ChainBrokenError) continue
        throw error
      }
    }
    return c.json({ error: 'busy', message: 'The agency is being changed by others; try again' }, 409)
  })
}
