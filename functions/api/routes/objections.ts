/**
 * POST /v1/objections (异议): anyone (the agency, a job seeker) names a record and says why it is
 * wrong. No login; validated; rate limited with the rest of the API. The objection waits for an
 * officer of the record's region; until one accepts it, the record shows as before. A retry is
 * harmless: the client's id (a ULID) or, without one, an id derived from the objection names it.
 */
import type { Hono } from 'hono'
import { hashOf } from '../../../shared/canonical/json.js'
import { isUscc } from '../../../shared/identity/uscc.js'
import { AlreadyExistsError } from '../../../shared/store/errors.js'
import { describeIssues, z } from '../../../shared/validation.js'
import type { ApiContext } from '../context.js'
import { HttpError } from '../errors.js'

const Objection = z.strictObject({
  uscc: z.string().check(z.refine(isUscc, 'a valid Unified Social Credit Code')),
  recordId: z.string().check(z.regex(/^[0-9A-Za-z]{1,64}$/, 'the id of a record on the agency page')),
  statement: z.string().check(z.minLength(10, 'at least 10 characters'), z.maxLength(2000)),
  id: z.optional(z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID'))),
})

/** How long officers have to answer an objection (shown to the objector). */
export const OBJECTION_ANSWER_DAYS = 15

export function objectionRoutes(app: Hono, ctx: ApiContext) {
  const { deps } = ctx
  app.post('/v1/objections', async (c) => {
    const store = deps.objections
    if (!store) throw new HttpError(404, 'not_found', 'Objections are not taken here')
    let input: unknown
    try {
      input = JSON.parse(await c.req.text())
    } catch {
      throw new HttpError(400, 'invalid_body', 'The body is not JSON')
    }
    const parsed = Objection.safeParse(input)
    if (!parsed.success) throw new HttpError(400, 'invalid_body', describeIssues(parsed.error))
    const { uscc, recordId, statement } = parsed.data
    const agency = await store.getAgency(uscc)
    if (!agency)
      throw new HttpError(404, 'not_found', `No agency with USCC ${uscc} is on the register / 未找到该机构`)
    const record = (await store.listRecords(uscc)).find((r) => r.id === recordId)
    if (!record || (record.status !== 'effective' && record.status !== 'under_objection'))
      throw new HttpError(
        404,
        'unknown_record',
        'That record is not shown for this agency / 该机构没有这条记录',
      )
    const now = deps.now()
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
    try {
      await store.putObjection(objection)
    } catch (error) {
      if (error instanceof AlreadyExistsError)
        throw new HttpError(409, 'id_taken', 'Another objection already uses this id')
      throw error
    }
    const answerBy = new Date(now.getTime() + OBJECTION_ANSWER_DAYS * 86_400_000).toISOString().slice(0, 10)
    return c.json(
      {
        id: objection.id,
        status: 'open',
        answerBy,
        message: {
          zh: `异议已登记，监管人员将在 ${answerBy} 前答复。`,
          en: `Objection filed; an officer of the record's region will answer by ${answerBy}.`,
        },
      },
      201,
    )
  })
}
