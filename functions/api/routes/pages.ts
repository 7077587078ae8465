/**
 * The site's pages, rendered here so that their core facts show before (and without) JavaScript,
 * and the built assets (scripts, stylesheet, widget.js). Chinese first; `?lang=en` switches to
 * English and a cookie remembers the choice.
 */
import type { Hono } from 'hono'
import { parseUscc } from '../../../shared/identity/uscc.js'
import { agencyView, ratingView } from '../../../shared/public/views.js'
import { METHODOLOGIES } from '../../../shared/rating/methodologies/index.js'
import { gradeStats } from '../../../shared/search/stats.js'
import type { BuiltSite } from '../../../site/build.js'
import { type Lang, t } from '../../../site/i18n.js'
import { agencyPage } from '../../../site/pages/agency.js'
import { cardPage } from '../../../site/pages/card.js'
import { embedPage } from '../../../site/pages/embed.js'
import { errorPage } from '../../../site/pages/errors.js'
import { homePage, type SearchOutcome } from '../../../site/pages/home.js'
import { PAGE_CSP } from '../../../site/pages/layout.js'
import { methodologyPage } from '../../../site/pages/methodology.js'
import { openDataPage, type PublishedFiles } from '../../../site/pages/open-data.js'
import { cstDate } from '../../../site/pages/parts.js'
import { statsPage } from '../../../site/pages/stats.js'
import type { ApiContext } from '../context.js'
import { HttpError } from '../errors.js'
import { SearchQuery } from '../schemas.js'
import { searchPage } from './catalogue.js'
import { pageKit } from './page-kit.js'

const YEAR = 'public, max-age=31536000, immutable'

export function pageRoutes(app: Hono, ctx: ApiContext, site: BuiltSite) {
  const { deps } = ctx

  const { pageContext, send } = pageKit(deps, site)

  app.get('/', async (c) => {
    const p = pageContext(c)
    const raw = c.req.query()
    // An empty field of the form is no filter.
    const given = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)
    const form = {
      q: given(raw.q),
      region: given(raw.region),
      grade: given(raw.grade),
      serviceType: given(raw.serviceType),
    }
    const asked = Object.values(form).some((v) => v) || given(raw.cursor)
    if (!asked) return send(c, homePage(p, {}, undefined))
    const filters = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined))
    const parsed = SearchQuery.safeParse({ ...filters, cursor: given(raw.cursor), limit: '20' })
    let outcome: SearchOutcome
    if (!parsed.success) outcome = { error: t(p.lang, 'invalidFilter') }
    else {
      try {
        outcome = await searchPage(ctx, parsed.data)
      } catch (error) {
        if (!(error instanceof HttpError)) throw error
        outcome = { error: t(p.lang, error.code === 'invalid_cursor' ? 'staleCursor' : 'invalidFilter') }
      }
    }
    return send(c, homePage(p, form, outcome), 'error' in outcome ? 400 : 200)
  })

  app.get('/a/:uscc', async (c) => {
    const p = pageContext(c)
    const raw = c.req.param('uscc')
    const parsed = parseUscc(raw)
    if (!parsed.ok) return send(c, errorPage(p, t(p.lang, 'invalidTitle'), parsed.message[p.lang]), 400)
    const uscc = parsed.value
    if (raw !== uscc) return c.redirect(`/a/${uscc}`, 301)
    const { agency, rating } = await ctx.load(uscc)
    if (!agency)
      return send(c, errorPage(p, t(p.lang, 'notFoundTitle'), t(p.lang, 'notFoundText', { uscc })), 404)
    const now = deps.now()
    const [history, head, objections] = await Promise.all([
      deps.store.listRatingHistory(uscc, { limit: 50 }),
      deps.store.lastAudit(uscc),
      deps.objections ? deps.objections.listObjections(uscc) : [],
    ])
    const links = ctx.links(uscc)
    return send(
      c,
      agencyPage(p, {
        agency: agencyView(agency, now),
        rating: rating ? ratingView(rating, now, ctx.staleAfterDays) : null,
        history: history.items.map((h) => ({
          date: cstDate(h.computedAt),
          grade: h.grade,
          score: h.score ?? null,
        })),
        links,
        audit: head ? { length: head.seq, head: head.hash } : { length: 0, head: null },
        objections: {
          ...(deps.objections
            ? { objectHref: (id: string) => `/a/${uscc}/objections/new?record=${id}` }
            : {}),
          dismissed: objections.flatMap((o) =>
            o.status === 'dismissed' && o.resolution
              ? [{ recordId: o.recordId, on: cstDate(o.resolvedAt ?? o.filedAt), reason: o.resolution }]
              : [],
          ),
        },
      }),
    )
  })

  app.get('/methodology', (c) => send(c, methodologyPage(pageContext(c), deps.methodology, METHODOLOGIES)))
  app.get('/stats', async (c) => send(c, statsPage(pageContext(c), gradeStats(await deps.search.entries()))))
  app.get('/open-data', async (c) => {
    const bytes = await deps.openData?.get('latest.json')
    const published = bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as PublishedFiles) : undefined
    return send(c, openDataPage(pageContext(c), published))
  })

  app.get('/embed', (c) => {
    const p = pageContext(c)
    const q = c.req.query()
    const style = ['flat', 'flat-square', 'for-the-badge'].includes(q.style ?? '')
      ? (q.style as string)
      : 'flat'
    const badgeLang: Lang = q.badgeLang === 'en' ? 'en' : q.badgeLang === 'zh' ? 'zh' : p.lang
    const theme = q.theme === 'dark' ? 'dark' : 'light'
    const typed = (q.uscc ?? '').trim()
    const parsed = typed ? parseUscc(typed) : undefined
    // Snippets name the public origin, never whatever Host header a request carried.
    const origin = deps.publicOrigin ?? new URL(c.req.url).origin
    if (parsed && !parsed.ok) {
      return send(
        c,
        embedPage(p, origin, { uscc: typed, style, badgeLang, theme }, parsed.message[p.lang]),
        400,
      )
    }
    return send(
      c,
      embedPage(p, origin, { ...(parsed?.ok ? { uscc: parsed.value } : {}), style, badgeLang, theme }),
    )
  })

  // The card other sites put in an iframe: it may be framed by anyone.
  app.get('/embed/card/:uscc', (c) => {
    const parsed = parseUscc(c.req.param('uscc'))
    const lang: Lang = c.req.query('lang') === 'en' ? 'en' : 'zh'
    c.header('Content-Security-Policy', PAGE_CSP.replace("frame-ancestors 'none'", 'frame-ancestors *'))
    c.header('X-Frame-Options', undefined)
    c.header('Cache-Control', parsed.ok ? 'public, max-age=300, s-maxage=3600' : 'no-store')
    const theme = c.req.query('theme') === 'dark' ? 'dark' : 'light'
    return c.html(cardPage(parsed.ok ? parsed.value : '', lang, theme), parsed.ok ? 200 : 400)
  })

  app.get('/assets/:name', (c) => {
    const asset = site.files.get(`/assets/${c.req.param('name')}`)
    if (!asset) throw new HttpError(404, 'not_found', 'No such asset')
    c.header('Cache-Control', YEAR)
    c.header('Content-Type', asset.type)
    return c.body(asset.body as Uint8Array<ArrayBuffer>)
  })
  app.get('/widget.js', (c) => {
    const asset = site.files.get('/widget.js') as NonNullable<ReturnType<typeof site.files.get>>
    c.header('Cache-Control', 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400')
    c.header('Content-Type', asset.type)
    return c.body(asset.body as Uint8Array<ArrayBuffer>)
  })

  // Any other path outside the API is a page that does not exist: say so as a page.
  app.get('*', (c) => {
    if (c.req.path.startsWith('/v1/') || c.req.path.startsWith('/.well-known/')) return c.notFound()
    const p = pageContext(c)
    return send(c, errorPage(p, t(p.lang, 'pageNotFound'), c.req.path.slice(0, 200)), 404)
  })
}
