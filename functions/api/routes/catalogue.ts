/** The register as a whole: search with filters, and statistics of the grades. */
import type { Hono } from 'hono'
import { GRADES, type Grade, SERVICE_TYPES, type ServiceType } from '../../../shared/agency/vocabulary.js'
import { canonicalJson, sha256 } from '../../../shared/canonical/json.js'
import { PROVINCES } from '../../../shared/identity/regions.js'
import type { SearchEntry } from '../../../shared/search/entry.js'
import { search } from '../../../shared/search/search.js'
import type { ApiContext } from '../context.js'
import { HttpError } from '../errors.js'
import { CACHE, query } from '../http.js'
import { NoQuery, SearchQuery } from '../schemas.js'
import { hitView } from '../views.js'

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

const emptyCounts = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>

/** Grade counts overall, by province and by service type. */
function stats(entries: readonly SearchEntry[]) {
  const byGrade = emptyCounts()
  const byProvince: Record<string, { name: string; total: number; byGrade: Record<Grade, number> }> = {}
  const byServiceType = Object.fromEntries(
    SERVICE_TYPES.map((s) => [s, { total: 0, byGrade: emptyCounts() }]),
  ) as Record<ServiceType, { total: number; byGrade: Record<Grade, number> }>
  for (const e of entries) {
    byGrade[e.grade]++
    const code = `${e.region.slice(0, 2)}0000`
    const province = byProvince[code] ?? { name: PROVINCES[code] ?? code, total: 0, byGrade: emptyCounts() }
    byProvince[code] = province
    province.total++
    province.byGrade[e.grade]++
    for (const s of e.serviceTypes) {
      byServiceType[s].total++
      byServiceType[s].byGrade[e.grade]++
    }
  }
  return { total: entries.length, byGrade, byProvince, byServiceType }
}

export function catalogueRoutes(app: Hono, ctx: ApiContext) {
  const { deps } = ctx

  app.get('/v1/agencies', async (c) => {
    const { cursor, limit, ...filters } = query(c, SearchQuery)
    const queryKey = sha256(canonicalJson(filters)).slice(7, 23)
    const offset = offsetOf(cursor, queryKey)
    const size = limit ?? DEFAULT_LIMIT
    const hits = search(await deps.search.entries(), filters)
    const page = hits.slice(offset, offset + size)
    const next = offset + size < hits.length ? cursorFor(queryKey, offset + size) : undefined
    c.header('Cache-Control', CACHE.list)
    return c.json({
      total: hits.length,
      items: page.map(hitView),
      ...(next ? { next } : {}),
      indexedAt: deps.search.loadedAt() ?? null,
    })
  })

  app.get('/v1/stats', async (c) => {
    query(c, NoQuery)
    const entries = await deps.search.entries()
    c.header('Cache-Control', CACHE.list)
    return c.json({
      ...stats(entries),
      indexedAt: deps.search.loadedAt() ?? null,
      demo: entries.some((e) => e.demo),
    })
  })
}
