/**
 * Objections (异议) as officers handle them, checkers of the record's region:
 * - GET /v1/admin/objections: undecided objections in the officer's region, oldest first, with
 *   their statements (which only officers read) and answer dates;
 * - accept: the record shows as under objection (异议处理中) while it is reviewed;
 * - uphold: the objection stands, the record is withdrawn (the grade is recomputed);
 * - dismiss: the objection fails, with a reason shown publicly; the record counts as before.
 * The record, the objection, the nonce and the audit event change in one transaction.
 */
import type { Hono } from 'hono'
import * as z from 'zod/mini'
import {
  answerBy,
  DEFAULT_OBJECTION_POLICY,
  type ObjectionPolicy,
  overdue,
  publicStatus,
} from '../../shared/objections/policy.js'
import type { Store } from '../../shared/store/store.js'
import { typedText } from '../../shared/validation.js'
import type { AdminEnv } from './auth.js'
import { commitChange } from './commit.js'
import type { RecordStore } from './records.js'
import { readJson } from './schemas.js'

const ObjectionDecision = z.strictObject({
  reason: z.optional(
    z.strictObject({
      zh: typedText(500),
      en: typedText(800),
    }),
  ),
})

export type ObjectionStore = RecordStore & Pick<Store, 'getObjection' | 'listRecords' | 'listOpenObjections'>

export function objectionAdminRoutes(
  app: Hono<AdminEnv>,
  store: ObjectionStore,
  now: () => Date,
  policy: ObjectionPolicy = DEFAULT_OBJECTION_POLICY,
) {
  app.get('/v1/admin/objections', async (c) => {
    const officer = c.get('officer')
    if (!officer.roles.includes('checker'))
      return c.json(
        { error: 'forbidden_role', message: 'Only officers with the checker role handle objections' },
        403,
      )
    const cursor = c.req.query('cursor')
    let page: Awaited<ReturnType<ObjectionStore['listOpenObjections']>>
    try {
      page = await store.listOpenObjections(officer.regionScope, { limit: 50, ...(cursor ? { cursor } : {}) })
    } catch {
      return c.json(
        { error: 'invalid_cursor', message: 'The paging cursor does not belong to this queue' },
        400,
      )
    }
    const at = now()
    const items = await Promise.all(
      page.items.map(async (o) => {
        const record = (await store.listRecords(o.uscc)).find((r) => r.id === o.recordId)
        const by = answerBy(o.filedAt, policy)
        const status = publicStatus(o.status)
        return {
          uscc: o.uscc,
          id: o.id,
          recordId: o.recordId,
          occurredOn: record?.occurredOn,
          statement: o.statement,
          filedAt: o.filedAt,
          status,
          answerBy: by,
          overdue: overdue(status, by, at),
        }
      }),
    )
    return c.json({ items, ...(page.next ? { next: page.next } : {}) })
  })

  app.post('/v1/admin/objections/:uscc/:id/:action{accept|uphold|dismiss}', async (c) => {
    const officer = c.get('officer')
    const { uscc, id, action } = c.req.param()
    const body = await readJson(c, ObjectionDecision, {})
    if (!body.ok) return body.response
    const reason = body.data.reason
    if (action !== 'accept' && !reason)
      return c.json(
        {
          error: 'invalid_body',
          message: 'A decision states its reason in zh and en: {"reason":{"zh":…,"en":…}}',
        },
        400,
      )
    if (!officer.roles.includes('checker'))
      return c.json(
        { error: 'forbidden_role', message: 'Only officers with the checker role handle objections' },
        403,
      )
    const objection = await store.getObjection(uscc, id)
    if (!objection) return c.json({ error: 'unknown_objection', message: 'No such objection' }, 404)
    if (!objection.region.startsWith(officer.regionScope))
      return c.json({ error: 'out_of_region', message: 'The objection is outside your region' }, 403)
    // open → (accept) under_review → (uphold | dismiss): each objection is decided only after it was
    // accepted, and only one is under review for a record at a time (the record must be effective).
    const from = action === 'accept' ? 'open' : 'under_review'
    if (objection.status !== from)
      return c.json(
        {
          error: action === 'accept' ? 'not_open' : 'not_under_review',
          message: `The objection is ${objection.status}; ${action} needs it ${from}`,
        },
        409,
      )
    const record = (await store.listRecords(uscc)).find((r) => r.id === objection.recordId)
    if (!record) return c.json({ error: 'unknown_record', message: 'The record objected to is gone' }, 409)
    const expected = action === 'accept' ? 'effective' : 'under_objection'
    if (record.status !== expected)
      return c.json(
        { error: 'wrong_state', message: `The record is ${record.status}; ${action} needs it ${expected}` },
        409,
      )
    const when = now()
    const at = when.toISOString()
    const recordStatus =
      action === 'accept' ? 'under_objection' : action === 'uphold' ? 'withdrawn' : 'effective'
    const changedRecord = {
      ...record,
      status: recordStatus as typeof record.status,
      version: record.version + 1,
    }
    const decided = {
      item:
        action === 'accept'
          ? { ...objection, status: 'under_review' as const, version: objection.version + 1 }
          : {
              ...objection,
              status: action === 'uphold' ? ('upheld' as const) : ('dismissed' as const),
              resolvedAt: at,
              resolvedBy: officer.officerId,
              resolution: reason as { zh: string; en: string },
              version: objection.version + 1,
            },
      replaces: objection.version,
    }
    const result = await commitChange(store, officer, when, {
      record: changedRecord,
      replaces: record.version,
      objection: decided,
      action: `objection.${action === 'accept' ? 'accepted' : action === 'uphold' ? 'upheld' : 'dismissed'}`,
      subject: `OBJECTION#${id}`,
      detail: { recordId: record.id, ...(reason ? { reason } : {}) },
    })
    if (result === 'done')
      return c.json({
        objection: { uscc, id, status: decided.item.status },
        record: { id: record.id, status: recordStatus },
      })
    if (result === 'conflict' || result === 'exists')
      return c.json(
        { error: 'changed', message: 'The objection or record changed meanwhile; look again' },
        409,
      )
    return c.json({ error: result.error, message: result.message }, result.status)
  })
}
