/** One agency: its profile and rating with the basis, its history, its badge and its attestation. */
import type { Hono } from 'hono'
import { gradeBadge, notFoundBadge, shieldsEndpoint } from '../../../shared/badge/grade-badge.js'
import { renderBadge } from '../../../shared/badge/render.js'
import { agencyView, DEMO_NOTICE, DISCLAIMER, isStale, ratingView } from '../../../shared/public/views.js'
import { attest } from '../../../shared/signing/attestation.js'
import { chinaDate, dayAfter, parseDate } from '../../../shared/time/calendar.js'
import type { ApiContext } from '../context.js'
import { HttpError } from '../errors.js'
import { CACHE, conditional, etagOf, query, usccParam } from '../http.js'
import { BadgeJsonQuery, BadgeQuery, DetailQuery, HistoryQuery } from '../schemas.js'

const notFound = (uscc: string) =>
  new HttpError(404, 'not_found', `No agency with USCC ${uscc} is on the register / 未找到该机构`)

export function agencyRoutes(app: Hono, ctx: ApiContext) {
  const { deps } = ctx

  app.get('/v1/agencies/:uscc', async (c) => {
    const uscc = usccParam(c)
    const { asOf } = query(c, DetailQuery)
    const { agency, rating } = await ctx.load(uscc)
    if (!agency) throw notFound(uscc)
    const now = deps.now()
    const links = ctx.links(uscc)
    if (asOf) {
      if (!parseDate(asOf))
        throw new HttpError(400, 'invalid_parameter', `asOf is not a calendar date: ${asOf}`)
      const end = new Date(dayAfter(asOf)).toISOString()
      const then = await ctx.ratingOn(uscc, end)
      c.header('Cache-Control', CACHE.rating)
      return c.json({
        agency: agencyView(agency, now),
        asOf,
        rating: then
          ? {
              grade: then.grade,
              score: then.score ?? null,
              computedAt: then.computedAt,
              methodology: then.methodology,
              contentHash: then.contentHash,
            }
          : null,
        note: {
          zh: '历史等级只含等级与分数；当时的评价依据未保存。',
          en: 'A past grade carries its grade and score; the basis of that time is not kept.',
        },
        disclaimer: DISCLAIMER,
        ...(agency.demo ? { demo: DEMO_NOTICE } : {}),
        links,
      })
    }
    // The body also depends on the day (permits expire) and on whether the rating has gone stale.
    const stale = rating ? isStale(rating, now, ctx.staleAfterDays) : false
    // The revision too: a rating saved again with the same content still moves its computedAt.
    const etag = etagOf(
      rating?.contentHash ?? 'unrated',
      rating?.revision ?? 0,
      agency.version,
      chinaDate(now.toISOString()),
      stale,
    )
    const unchanged = conditional(c, etag, CACHE.rating)
    if (unchanged) return unchanged
    const body = await ctx.bodies.get(`detail ${uscc} ${etag}`, async () =>
      JSON.stringify({
        agency: agencyView(agency, now),
        rating: rating ? ratingView(rating, now, ctx.staleAfterDays) : null,
        disclaimer: DISCLAIMER,
        ...(agency.demo ? { demo: DEMO_NOTICE } : {}),
        links,
      }),
    )
    return c.body(body, 200, { 'Content-Type': 'application/json' })
  })

  app.get('/v1/agencies/:uscc/history', async (c) => {
    const uscc = usccParam(c)
    const { cursor, limit } = query(c, HistoryQuery)
    const { agency } = await ctx.load(uscc)
    if (!agency) throw notFound(uscc)
    const page = await deps.store.listRatingHistory(uscc, {
      ...(cursor ? { cursor } : {}),
      ...(limit ? { limit } : {}),
    })
    c.header('Cache-Control', CACHE.rating)
    return c.json({
      uscc,
      items: page.items.map((h) => ({
        computedAt: h.computedAt,
        date: chinaDate(h.computedAt),
        grade: h.grade,
        score: h.score ?? null,
        methodology: h.methodology,
        contentHash: h.contentHash,
      })),
      ...(page.next ? { next: page.next } : {}),
    })
  })

  app.get('/v1/agencies/:uscc/badge.svg', async (c) => {
    const uscc = usccParam(c)
    const { style, lang, theme, fallback } = query(c, BadgeQuery)
    const { agency, rating } = await ctx.load(uscc)
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
    if (!agency || !rating) {
      if (fallback !== '1')
        throw agency
          ? new HttpError(404, 'not_rated', 'This agency has no rating yet / 该机构尚未评级')
          : notFound(uscc)
      c.header('Cache-Control', CACHE.notFound)
      return c.body(renderBadge(notFoundBadge(lang, style, theme)))
    }
    const stale = isStale(rating, deps.now(), ctx.staleAfterDays)
    const etag = etagOf(rating.contentHash, rating.revision, agency.version, style, lang, theme, stale)
    const unchanged = conditional(c, etag, CACHE.badge)
    if (unchanged) return unchanged
    const svg = await ctx.bodies.get(`badge ${uscc} ${etag}`, async () =>
      renderBadge(
        gradeBadge({
          grade: rating.grade,
          name: agency.name,
          asOf: chinaDate(rating.computedAt),
          stale,
          lang,
          theme,
          style,
        }),
      ),
    )
    return c.body(svg)
  })

  app.get('/v1/agencies/:uscc/badge.json', async (c) => {
    const uscc = usccParam(c)
    const { lang } = query(c, BadgeJsonQuery)
    const { agency, rating } = await ctx.load(uscc)
    if (!agency) throw notFound(uscc)
    if (!rating) throw new HttpError(404, 'not_rated', 'This agency has no rating yet / 该机构尚未评级')
    const stale = isStale(rating, deps.now(), ctx.staleAfterDays)
    const unchanged = conditional(
      c,
      etagOf(rating.contentHash, rating.revision, agency.version, lang, stale, 'json'),
      CACHE.badge,
    )
    if (unchanged) return unchanged
    return c.json(
      shieldsEndpoint(
        gradeBadge({
          grade: rating.grade,
          name: agency.name,
          asOf: chinaDate(rating.computedAt),
          stale,
          lang,
        }),
      ),
    )
  })

  app.get('/v1/agencies/:uscc/attestation', async (c) => {
    const uscc = usccParam(c)
    query(c, DetailQuery)
    const { agency, rating } = await ctx.load(uscc)
    if (!agency) throw notFound(uscc)
    if (!rating) throw new HttpError(404, 'not_rated', 'This agency has no rating yet / 该机构尚未评级')
    const claims = {
      uscc,
      name: agency.name,
      grade: rating.grade,
      score: rating.score ?? null,
      methodology: rating.methodology,
      asOf: rating.computedAt,
      contentHash: rating.contentHash,
      issuedAt: deps.now().toISOString(),
    }
    const jws = await ctx.attestations.get(`${rating.contentHash}.${agency.version}`, () =>
      attest(deps.signer, claims),
    )
    c.header('Cache-Control', CACHE.rating)
    return c.json({ jws, kid: deps.signer.kid, jwks: '/.well-known/jwks.json' })
  })
}
