/**
 * Objections (异议) on the public API: POST /v1/objections files one (no login; validated; rate
 * limited with the rest of the API); GET /v1/agencies/{uscc}/objections/{id} tells where it stands.
 * The objection waits for an officer of the record's region (objection-filing.ts).
 */
import type { Hono } from 'hono'
import { DEFAULT_OBJECTION_POLICY } from '../../../shared/objections/policy.js'
import type { ApiDeps } from '../context.js'
import { HttpError } from '../errors.js'
import { usccParam } from '../http.js'
import { fileObjection, objectionStanding } from '../objection-filing.js'

/** What objections need: where they are kept, how they are answered, the clock. */
export type ObjectionDeps = Pick<ApiDeps, 'objections' | 'objectionPolicy' | 'now' | 'demo'>

export function objectionRoutes(app: Hono, deps: ObjectionDeps) {
  const policy = deps.objectionPolicy ?? DEFAULT_OBJECTION_POLICY
  const store = () => {
    if (!deps.objections) throw new HttpError(404, 'not_found', 'Objections are not taken here')
    return deps.objections
  }

  app.post('/v1/objections', async (c) => {
    const objections = store()
    let input: unknown
    try {
      input = JSON.parse(await c.req.text())
    } catch {
      throw new HttpError(400, 'invalid_body', 'The body is not JSON')
    }
    const filed = await fileObjection(objections, input, deps.now(), policy)
    if (!filed.ok) throw new HttpError(filed.status, filed.error, filed.message)
    const o = filed.objection
    return c.json(
      {
        ...o,
        statusPage: `/a/${o.uscc}/objections/${o.id}`,
        message: {
          zh: `异议已登记，监管人员将在 ${o.answerBy} 前答复。`,
          en: `Objection filed; an officer of the record's region will answer by ${o.answerBy}.`,
        },
      },
      filed.created ? 201 : 200,
    )
  })

  app.get('/v1/agencies/:uscc/objections/:id{[0-9A-Z]{1,64}}', async (c) => {
    const uscc = usccParam(c)
    const found = await objectionStanding(store(), uscc, c.req.param('id'), deps.now(), policy)
    if (!found) throw new HttpError(404, 'not_found', 'No such objection / 没有这条异议')
    c.header('Cache-Control', 'no-store')
    return c.json(found)
  })
}
