/** HTTP details shared by the routes: validated input, ETags and 304s, cache policies. */
import type { Context } from 'hono'
import type * as z from 'zod/mini'
import { parseUscc } from '../../shared/identity/uscc.js'
import { describeIssues } from '../../shared/validation.js'
import { HttpError } from './errors.js'

/** Cache policies (anchors.md §13): browsers briefly, the CDN longer, stale copies on error. */
export const CACHE = {
  rating: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400',
  badge: 'public, max-age=300, s-maxage=86400, stale-while-revalidate=600, stale-if-error=604800',
  list: 'public, max-age=30, s-maxage=60, stale-while-revalidate=120, stale-if-error=3600',
  stable: 'public, max-age=3600, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800',
  notFound: 'public, max-age=60, s-maxage=60',
} as const

/** Parses the query string against a schema; 400 with every problem named otherwise. */
export function query<S extends z.ZodMiniType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query())
  if (result.success) return result.data
  throw new HttpError(
    400,
    'invalid_parameter',
    `Invalid query parameter: ${describeIssues(result.error, 'query', 470)}`,
  )
}

/** The USCC of the path, canonical; 400 with the parse reason (zh / en) otherwise. */
export function usccParam(c: Context): string {
  const raw = c.req.param('uscc') ?? ''
  const parsed = parseUscc(raw)
  if (!parsed.ok) throw new HttpError(400, 'invalid_uscc', `${parsed.message.zh} / ${parsed.message.en}`)
  return parsed.value
}

/** Whether the request's If-None-Match names this ETag (or is *). */
export function notModified(c: Context, etag: string): boolean {
  const header = c.req.header('if-none-match')
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/** Sets ETag and Cache-Control; answers 304 when the client already has this version. */
export function conditional(c: Context, etag: string, cacheControl: string): Response | undefined {
  c.header('ETag', etag)
  c.header('Cache-Control', cacheControl)
  if (!notModified(c, etag)) return undefined
  return c.body(null, 304)
}

/** A strong ETag from parts (quotes and all). */
export const etagOf = (...parts: (string | number | boolean)[]) => `"${parts.join('.')}"`
