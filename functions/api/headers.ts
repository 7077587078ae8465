/**
 * Security headers on every response and open CORS for what other sites fetch. Both are set on the
 * context before the handler runs, so the response is built once with them (middleware that edits
 * a finished response makes the Node server rebuild and re-read it: a third of the time of a hot
 * request, measured in bench/api.bench.ts).
 */
import type { MiddlewareHandler } from 'hono'

/** As Hono's secureHeaders sets them, except that badges and JSON may be used by other sites. */
const SECURITY_HEADERS: [string, string][] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of SECURITY_HEADERS) c.header(name, value)
  await next()
}

/** Read-only CORS open to every origin, without credentials; preflights answered here. */
export const openCors: MiddlewareHandler = async (c, next) => {
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Access-Control-Expose-Headers', 'ETag,Retry-After')
  if (c.req.method !== 'OPTIONS') return next()
  c.header('Access-Control-Allow-Methods', 'GET,HEAD,OPTIONS')
  c.header('Access-Control-Allow-Headers', 'Accept,Accept-Language,If-None-Match,Content-Type')
  c.header('Access-Control-Max-Age', '86400')
  return c.body(null, 204)
}
