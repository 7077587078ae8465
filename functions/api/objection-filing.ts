/**
 * Filing an objection (异议) and reading where one stands: shared by the API (POST /v1/objections,
 * GET /v1/agencies/{uscc}/objections/{id}) and the site's form, so both check and write alike.
 * A retry is harmless: the client's id (a ULID) or, without one, an id derived from the objection.
 */

import * as z from 'zod/mini'
import { isInForce } from '../../shared/agency/vocabulary.js'
import { nextAuditEvent } from '../../shared/audit/chain.js'
import { hashOf, sha256 } from '../../shared/canonical/json.js'
import { isUscc } from '../../shared/identity/uscc.js'
import {
  answerBy,
  type ObjectionPolicy,
  overdue,
  type PublicObjectionStatus,
  publicStatus,
} from '../../shared/objections/policy.js'
import type { Objection } from '../../shared/store/entities/objection.js'
import { AlreadyExistsError, ChainBrokenError } from '../../shared/store/errors.js'
import type { Store } from '../../shared/store/store.js'
import { describeIssues } from '../../shared/validation.js'

export type ObjectionStore = Pick<
  Store,
  'getAgency' | 'listRecords' | 'fileObjection' | 'getObjection' | 'listObjections' | 'lastAuditConsistent'
>

export const ObjectionInput = z.strictObject({
  uscc: z.string().check(z.refine(isUscc, 'a valid Unified Social Credit Code')),
  recordId: z.string().check(z.regex(/^[0-9A-Za-z]{1,64}$/, 'the id of a record on the agency page')),
  statement: z
    .string()
    .check(z.minLength(10, 'at least 10 characters'), z.maxLength(2000, 'at most 2000 characters')),
  id: z.optional(z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID'))),
})

export type Refused = { ok: false; status: 400 | 404 | 409; error: string; message: string }
/** What anyone may see of an objection: never the statement (it may name people), only its course. */
export type PublicObjection = {
  uscc: string
  id: string
  recordId: string
  status: PublicObjectionStatus
  filedOn: string
  answerBy: string
  overdue: boolean
  resolvedAt?: string
  resolution?: { zh: string; en: string }
}

export function publicObjection(o: Objection, now: Date, policy: ObjectionPolicy): PublicObjection {
  const status = publicStatus(o.status)
  const by = answerBy(o.filedAt, policy)
  return {
    uscc: o.uscc,
    id: o.id,
    recordId: o.recordId,
    status,
    filedOn: o.filedAt.slice(0, 10),
    answerBy: by,
    overdue: overdue(status, by, now),
    ...(o.resolvedAt ? { resolvedAt: o.resolvedAt } : {}),
    ...(o.resolution ? { resolution: o.resolution } : {}),
  }
}

export async function fileObjection(
  store: ObjectionStore,
  input: unknown,
  now: Date,
  policy: ObjectionPolicy,
): Promise<{ ok: true; created: boolean; objection: PublicObjection } | Refused> {
  const parsed = ObjectionInput.safeParse(input)
  if (!parsed.success)
    return { ok: false, status: 400, error: 'invalid_body', message: describeIssues(parsed.error) }
  const { uscc, recordId, statement } = parsed.data
  const agency = await store.getAgency(uscc)
  if (!agency)
    return {
      ok: false,
      status: 404,
      error: 'not_found',
      message: `No agency with USCC ${uscc} is on the register / 未找到该机构`,
    }
  const record = (await store.listRecords(uscc)).find((r) => r.id === recordId)
  if (!record || !isInForce(record.status))
    return {
      ok: false,
      status: 404,
      error: 'unknown_record',
      message: 'That record is not shown for this agency / 该机构没有这条记录',
    }
  const objection = {
    uscc,
    // Without a client id, the same objection sent twice (a retry) is one objection.
    id: parsed.data.id ?? `H${hashOf({ uscc, recordId, statement }).slice(7, 32).toUpperCase()}`,
    recordId,
    statement,
    region: agency.region,
    status: 'open' as const,
    filedAt: now.toISOString(),
    version: 1,
  }
  // The filing joins the agency's audit chain (never the statement: it may name people).
  for (let attempt = 0; attempt < 5; attempt++) {
    const event = nextAuditEvent(await store.lastAuditConsistent(uscc), {
      uscc,
      at: objection.filedAt,
      actor: 'public',
      action: 'objection.filed',
      subject: `OBJECTION#${objection.id}`,
      detail: { recordId, statementSha256: sha256(statement) },
    })
    try {
      await store.fileObjection(objection, event)
      return { ok: true, created: true, objection: publicObjection(objection, now, policy) }
    } catch (error) {
      if (error instanceof ChainBrokenError) continue
      if (!(error instanceof AlreadyExistsError)) throw error
      const existing = await store.getObjection(uscc, objection.id)
      if (!existing || existing.recordId !== recordId || existing.statement !== statement)
        return {
          ok: false,
          status: 409,
          error: 'id_taken',
          message: 'Another objection already uses this id',
        }
      return { ok: true, created: false, objection: publicObjection(existing, now, policy) }
    }
  }
  return {
    ok: false,
    status: 409,
    error: 'busy',
    message: 'The agency is being changed right now; send it again',
  }
}

/** Where an objection stands, or undefined when there is no such objection. */
export async function objectionStanding(
  store: ObjectionStore,
  uscc: string,
  id: string,
  now: Date,
  policy: ObjectionPolicy,
): Promise<PublicObjection | undefined> {
  const objection = await store.getObjection(uscc, id)
  if (!objection) return undefined
  return publicObjection(objection, now, policy)
}
