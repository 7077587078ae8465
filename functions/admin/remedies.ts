/**
 * The rest of a record's life, for checkers in its region:
 * - GET /v1/admin/pending: records waiting for a decision in the officer's region, oldest first;
 * - POST /v1/admin/records/{uscc}/{occurredOn}/{id}/repair (信用修复, with the repair decision's
 *   document number) or /withdraw (with a reason): an effective record stops counting, showing and
 *   being exported. Conditional on the version read; nonce and audit event in the same transaction.
 */
import type { Hono } from 'hono'
import * as z from 'zod/mini'
import { recordSubject } from '../../shared/audit/cross-check.js'
import type { Store } from '../../shared/store/store.js'
import { typedText } from '../../shared/validation.js'
import type { AdminEnv } from './auth.js'
import { commitChange } from './commit.js'
import type { RecordStore } from './records.js'
import { readJson } from './schemas.js'

export type RemedyStore = RecordStore & Pick<Store, 'listPendingRecords' | 'listObjections'>

const RemedyBody = z.strictObject({
  documentNo: z.optional(typedText(100)),
  decidedOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-01'))),
  reason: z.optional(typedText(500)),
})

export function remedyRoutes(app: Hono<AdminEnv>, store: RemedyStore, now: () => Date) {
  app.get('/v1/admin/pending', async (c) => {
    const officer = c.get('officer')
    if (!officer.roles.includes('checker'))
      return c.json(
        { error: 'forbidden_role', message: 'Only officers with the checker role see the queue' },
        403,
      )
    const cursor = c.req.query('cursor')
    try {
      const page = await store.listPendingRecords(officer.regionScope, {
        limit: 50,
        ...(cursor ? { cursor } : {}),
      })
      return c.json({ items: page.items, ...(page.next ? { next: page.next } : {}) })
    } catch {
      return c.json(
        { error: 'invalid_cursor', message: 'The paging cursor does not belong to this queue' },
        400,
      )
    }
  })

  app.post('/v1/admin/records/:uscc/:occurredOn/:id/:action{repair|withdraw}', async (c) => {
    const officer = c.get('officer')
    const { uscc, occurredOn, id, action } = c.req.param()
    const body = await readJson(c, RemedyBody, {})
    if (!body.ok) return body.response
    const { documentNo, reason, decidedOn } = body.data
    if (action === 'repair' && (!documentNo || !decidedOn))
      return c.json(
        {
          error: 'invalid_body',
          message: 'A repair names the repair decision: documentNo and decidedOn (YYYY-MM-DD)',
        },
        400,
      )
    if (action === 'withdraw' && !reason)
      return c.json({ error: 'invalid_body', message: 'A withdrawal states its reason' }, 400)
    if (!officer.roles.includes('checker'))
      return c.json(
        {
          error: 'forbidden_role',
          message: 'Only officers with the checker role repair or withdraw records',
        },
        403,
      )
    const record = await store.getRecord(uscc, occurredOn, id)
    if (!record) return c.json({ error: 'unknown_record', message: 'No such record' }, 404)
    if (!record.region.startsWith(officer.regionScope))
      return c.json({ error: 'out_of_region', message: 'The record is outside your region' }, 403)
    if (record.status !== 'effective')
      return c.json(
        {
          error: record.status === 'under_objection' ? 'under_objection' : 'not_effective',
          message: `The record is ${record.status}; decide its objection first if it has one`,
        },
        409,
      )
    // An undecided objection is answered first (accept, then uphold or dismiss): none is left hanging.
    const waiting = (await store.listObjections(uscc)).filter(
      (o) => o.recordId === id && (o.status === 'open' || o.status === 'under_review'),
    )
    if (waiting.length > 0)
      return c.json(
        {
          error: 'objection_waiting',
          message: `Objection ${waiting.map((o) => o.id).join(', ')} on this record waits for a decision; decide it first`,
        },
        409,
      )
    const changed = {
      ...record,
      status: action === 'repair' ? ('repaired' as const) : ('withdrawn' as const),
      ...(action === 'repair' ? { repairedOn: decidedOn } : {}),
      version: record.version + 1,
    }
    const result = await commitChange(store, officer, now(), {
      record: changed,
      replaces: record.version,
      action: action === 'repair' ? 'record.repaired' : 'record.withdrawn',
      subject: recordSubject(occurredOn, id),
      detail: { ...(documentNo ? { documentNo, decidedOn } : {}), ...(reason ? { reason } : {}) },
    })
    if (result === 'done') return c.json({ record: { uscc, occurredOn, id, status: changed.status } }, 200)
    if (result === 'conflict' || result === 'exists')
      return c.json({ error: 'changed', message: 'The record changed meanwhile; look again' }, 409)
    return c.json({ error: result.error, message: result.message }, result.status)
  })
}
