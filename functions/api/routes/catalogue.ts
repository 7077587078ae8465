/** The register as a whole: search with filters, and statistics of the grades. */
import type { Hono } from 'hono'
import type * as z from 'zod/mini'
import { canonicalJson, sha256 } from '../../../shared/canonical/json.js'
import { hitView } from '../../../shared/public/views.js'
import { search } from '../../../shared/search/search.js'
import { gradeStats } from '../../../shared/search/stats.js'
import type { ApiContext } from '../context.js'
import { HttpError } from '../errors.js'
import { CACHE, query } from '../http.js'
import { NoQuery, SearchQuery } from '../schemas.js'

const DEFAULT_LIMIT = 20

/** Offsets as cursors, tied to the query they page through. */
function cursorFor(queryKey: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, k: queryKey })).toString('base64url')
}

function offsetOf(cursor: string | undefined, queryKey: string): number {
  if (!cursor) return 0
  try {
    const { o, k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o: unknown
      k: unknown
    }
    if (k === queryKey && Number.isSafeInteger(o) && (o as number) >= 0) return o as number
  } catch {
    // fall through
  }
  throw new HttpError(
    400,
    'invalid_cursor',
    'The paging cursor does not belong to this search; start again from the first page',
  )
}

/** One page of a search, as the API and the site show it. */
export async function searchPage(ctx: ApiContext, input: z.infer<typeof SearchQuery>) {
  const { cursor, limit, ...filters } = input
  const queryKey = sha256(canonicalJson(filters)).slice(7, 23)
  const offset = offsetOf(cursor, queryKey)
  const size = limit ?? DEFAULT_LIMIT
  const hits = search(await ctx.deps.search.entries(), filters)
  const next = offset + size < hits.length ? cursorFor(queryKey, offset + size) : undefined
  return {
    total: hits.length,
    items: hits.slice(offset, offset + size).map(hitView),
    ...(next ? { next } : {}),
  }
}

export function catalogueRoutes(app: Hono, ctx: ApiContext) {
  const { deps } = ctx

  app.get('/v1/agencies', async (c) => {
    const page = await searchPage(ctx, query(c, SearchQuery))
    c.header('Cache-Control', CACHE.list)
    return c.json({ ...page, indexedAt: deps.search.updatedAt() ?? null })
  })

  app.get('/v1/stats', async (c) => {
    query(c, NoQuery)
    const entries = await deps.search.entries()
    c.header('Cache-Control', CACHE.list)
    return c.json({
      ...gradeStats(entries),
      indexedAt: deps.search.updatedAt() ?? null,
      demo: entries.some((e) => e.demo),
    })
  })
}
