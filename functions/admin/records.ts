/**
 * POST /v1/admin/records: an officer (role `maker`) submits a record for an agency in their region.
 * It waits as `pending` until a second officer approves it; nothing counts before. The record, the
 * request's nonce and the audit event are one transaction (shared/store/submit-record.ts).
 */
import type { Hono } from 'hono'
import * as z from 'zod/mini'
import { RecordSubmission } from '../../shared/agency/record-submission.js'
import { recordSubject } from '../../shared/audit/cross-check.js'
import { sameItem } from '../../shared/store/conditional.js'
import type { Agency } from '../../shared/store/entities/agency.js'
import type { CreditRecord, CreditRecordInput } from '../../shared/store/entities/record.js'
import type { Store } from '../../shared/store/store.js'
import { typedText } from '../../shared/validation.js'
import type { AdminEnv, Officer } from './auth.js'
import { commitChange } from './commit.js'
import { readJson } from './schemas.js'

const ReviewBody = z.strictObject({
  reason: z.optional(typedText(500)),
})

export type RecordStore = Pick<Store, 'getAgency' | 'getRecord' | 'lastAuditConsistent' | 'submitRecord'>

type Refusal = { status: 400 | 401 | 403 | 404 | 409; error: string; message: string }

/** Why this officer may not submit `r`, or the agency it is for. */
export async function checkSubmission(
  store: Pick<RecordStore, 'getAgency'>,
  officer: Officer,
  r: RecordSubmission,
): Promise<{ agency: Agency } | Refusal> {
  if (!officer.roles.includes('maker'))
    return {
      status: 403,
      error: 'forbidden_role',
      message: 'Only officers with the maker role submit records',
    }
  const agency = await store.getAgency(r.uscc)
  if (!agency)
    return { status: 404, error: 'unknown_agency', message: `No agency ${r.uscc} is on the register` }
  if (!agency.region.startsWith(officer.regionScope))
    return {
      status: 403,
      error: 'out_of_region',
      message: `${r.uscc} is outside your region (${officer.regionScope || 'all'})`,
    }
  return { agency }
}

/** A retry of the same submission finds its record; another record under the same id conflicts. */
export function sameSubmission(existing: CreditRecord | undefined, r: RecordSubmission): boolean {
  if (!existing) return false
  const { submitted: _a, status: _b, version: _c, region: _d, demo: _e, reviewed: _f, ...content } = existing
  return sameItem(content, r)
}

/** Writes a checked submission as a pending record: 'created', 'duplicate' (a retry), or a refusal. */
export async function writeSubmission(
  store: RecordStore,
  officer: Officer,
  at: Date,
  r: RecordSubmission,
  agency: Agency,
): Promise<{ created: CreditRecordInput } | { duplicate: CreditRecord } | Refusal> {
  const record = {
    ...r,
    region: agency.region,
    status: 'pending' as const,
    submitted: { officerId: officer.officerId, at: at.toISOString(), signature: officer.jws },
    demo: agency.demo,
    version: 1,
  }
  const result = await commitChange(store, officer, at, {
    record,
    action: 'record.submitted',
    subject: recordSubject(r.occurredOn, r.id),
    detail: { kind: r.kind },
  })
  if (result === 'done') return { created: record }
  if (result === 'exists') {
    const existing = await store.getRecord(r.uscc, r.occurredOn, r.id)
    if (existing && sameSubmission(existing, r)) return { duplicate: existing }
    return { status: 409, error: 'id_taken', message: `Record id ${r.id} is already used by another record` }
  }
  if (result === 'conflict') throw new Error('a new record cannot conflict with a version')
  return result
}

export function recordRoutes(app: Hono<AdminEnv>, store: RecordStore, now: () => Date) {
  app.post('/v1/admin/records', async (c) => {
    const officer = c.get('officer')
    const body = await readJson(c, RecordSubmission)
    if (!body.ok) return body.response
    const checked = await checkSubmission(store, officer, body.data)
    if ('status' in checked) return c.json({ error: checked.error, message: checked.message }, checked.status)
    const written = await writeSubmission(store, officer, now(), body.data, checked.agency)
    if ('created' in written) {
      const { submitted, ...rest } = written.created
      return c.json(
        { record: { ...rest, submitted: { officerId: submitted.officerId, at: submitted.at } } },
        201,
      )
    }
    if ('duplicate' in written) return c.json({ record: written.duplicate, duplicate: true }, 200)
    return c.json({ error: written.error, message: written.message }, written.status)
  })
}

/**
 * POST /v1/admin/records/{uscc}/{occurredOn}/{id}/approve|reject: a checker in the record's region,
 * never its submitter, decides a pending record. Approved, it counts (the pipeline re-rates the
 * agency from the table's stream); rejected, it never shows. One decision wins: the write is
 * conditional on the version read.
 */
export function reviewRoutes(app: Hono<AdminEnv>, store: RecordStore, now: () => Date) {
  app.post('/v1/admin/records/:uscc/:occurredOn/:id/:decision{approve|reject}', async (c) => {
    const officer = c.get('officer')
    const { uscc, occurredOn, id, decision } = c.req.param()
    const body = await readJson(c, ReviewBody, {})
    if (!body.ok) return body.response
    const reason = body.data.reason
    if (decision === 'reject' && !reason)
      return c.json({ error: 'invalid_body', message: 'A rejection states its reason' }, 400)
    if (!officer.roles.includes('checker'))
      return c.json(
        { error: 'forbidden_role', message: 'Only officers with the checker role decide records' },
        403,
      )
    const record = await store.getRecord(uscc, occurredOn, id)
    if (!record) return c.json({ error: 'unknown_record', message: 'No such record' }, 404)
    if (!record.region.startsWith(officer.regionScope))
      return c.json({ error: 'out_of_region', message: 'The record is outside your region' }, 403)
    if (record.submitted.officerId === officer.officerId)
      return c.json(
        { error: 'self_approval', message: 'A record is decided by another officer than its submitter' },
        403,
      )
    if (record.status !== 'pending')
      return c.json({ error: 'not_pending', message: `The record is already ${record.status}` }, 409)
    const when = now()
    const at = when.toISOString()
    const decided = {
      ...record,
      status: decision === 'approve' ? ('effective' as const) : ('rejected' as const),
      reviewed: { officerId: officer.officerId, at, signature: officer.jws },
      version: record.version + 1,
    }
    const result = await commitChange(store, officer, when, {
      record: decided,
      replaces: record.version,
      action: decision === 'approve' ? 'record.approved' : 'record.rejected',
      subject: recordSubject(occurredOn, id),
      detail: reason ? { reason } : {},
    })
    if (result === 'done')
      return c.json({ record: { ...decided, reviewed: { officerId: officer.officerId, at } } }, 200)
    if (result === 'conflict' || result === 'exists')
      return c.json({ error: 'already_decided', message: 'Another officer decided this record first' }, 409)
    return c.json({ error: result.error, message: result.message }, result.status)
  })
}
