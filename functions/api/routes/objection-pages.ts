/**
 * The site's objection pages: GET /a/{uscc}/objections/new?record={id} (the form), POST
 * /a/{uscc}/objections (a plain form post; on success 303 to the objection's page, otherwise the
 * form again with the problem named and the text kept), GET /a/{uscc}/objections/{id} (where it
 * stands). They file through the same code as POST /v1/objections.
 */
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { isInForce } from '../../../shared/agency/vocabulary.js'
import { parseUscc } from '../../../shared/identity/uscc.js'
import { DEFAULT_OBJECTION_POLICY } from '../../../shared/objections/policy.js'
import type { CreditRecord } from '../../../shared/store/entities/record.js'
import type { BuiltSite } from '../../../site/build.js'
import { t } from '../../../site/i18n.js'
import { errorPage } from '../../../site/pages/errors.js'
import { objectionFormPage, objectionStatusPage } from '../../../site/pages/objection.js'
import { fileObjection, objectionStanding } from '../objection-filing.js'
import type { ObjectionDeps } from './objections.js'
import { pageKit } from './page-kit.js'

const MAX_FORM_BYTES = 16 * 1024

export function objectionPageRoutes(app: Hono, deps: ObjectionDeps, site: BuiltSite) {
  const policy = deps.objectionPolicy ?? DEFAULT_OBJECTION_POLICY
  const { pageContext, send } = pageKit(deps, site)
  const notFound = (c: Context, title: string, text: string) =>
    send(c, errorPage(pageContext(c), title, text), 404)

  /** The agency and the record named, if both are on the register and the record is shown. */
  async function find(c: Context, recordId: string | undefined) {
    const parsed = parseUscc(c.req.param('uscc') ?? '')
    const store = deps.objections
    if (!parsed.ok || !store) return undefined
    const agency = await store.getAgency(parsed.value)
    if (!agency) return undefined
    const record = recordId
      ? (await store.listRecords(parsed.value)).find((r) => r.id === recordId && isInForce(r.status))
      : undefined
    return { store, agency: { uscc: agency.uscc, name: agency.name }, record }
  }
  const shown = (r: CreditRecord) => ({
    id: r.id,
    occurredOn: r.occurredOn,
    title: r.title,
    authority: r.authority,
    ...(r.documentNo ? { documentNo: r.documentNo } : {}),
  })

  app.get('/a/:uscc/objections/new', async (c) => {
    const found = await find(c, c.req.query('record'))
    if (!found?.record)
      return notFound(c, t(pageContext(c).lang, 'pageNotFound'), t(pageContext(c).lang, 'noSuchObjection'))
    return send(
      c,
      objectionFormPage(pageContext(c), { agency: found.agency, record: shown(found.record), policy }),
    )
  })

  app.post(
    '/a/:uscc/objections',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) =>
        send(
          c,
          errorPage(
            pageContext(c),
            t(pageContext(c).lang, 'objectionError'),
            t(pageContext(c).lang, 'objectionTooLarge'),
          ),
          413,
        ),
    }),
    async (c) => {
      const p = pageContext(c)
      let form: Record<string, unknown>
      try {
        form = await c.req.parseBody()
      } catch {
        form = {}
      }
      const recordId = typeof form.recordId === 'string' ? form.recordId : ''
      const statement = typeof form.statement === 'string' ? form.statement.trim() : ''
      const found = await find(c, recordId)
      if (!found?.record) return notFound(c, t(p.lang, 'pageNotFound'), t(p.lang, 'noSuchObjection'))
      const filed = await fileObjection(
        found.store,
        { uscc: found.agency.uscc, recordId, statement },
        deps.now(),
        policy,
      )
      if (!filed.ok) {
        // The form again, the text kept, the problem named in the page's language.
        const error = filed.message.startsWith('statement:') ? t(p.lang, 'objectionLength') : filed.message
        return send(
          c,
          objectionFormPage(p, {
            agency: found.agency,
            record: shown(found.record),
            policy,
            statement,
            error,
          }),
          400,
        )
      }
      return c.redirect(`/a/${found.agency.uscc}/objections/${filed.objection.id}`, 303)
    },
  )

  app.get('/a/:uscc/objections/:id{[0-9A-Z]{1,64}}', async (c) => {
    const p = pageContext(c)
    const found = await find(c, undefined)
    const standing =
      found &&
      (await objectionStanding(found.store, found.agency.uscc, c.req.param('id'), deps.now(), policy))
    if (!found || !standing) return notFound(c, t(p.lang, 'pageNotFound'), t(p.lang, 'noSuchObjection'))
    const record = (await found.store.listRecords(found.agency.uscc)).find((r) => r.id === standing.recordId)
    const page = objectionStatusPage(p, {
      agency: found.agency,
      ...(record && isInForce(record.status) ? { record: shown(record) } : {}),
      objection: standing,
      policy,
    })
    return send(c, page, 200, 'no-store')
  })
}
