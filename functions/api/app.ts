/** The public HTTP app: a value, built from its dependencies, tested with app.request(). */
import { Hono } from 'hono'
import { type ApiContext, type ApiDeps, createContext } from './context.js'
import type { ErrorBody } from './errors.js'
import { onError } from './errors.js'
import { openCors, securityHeaders } from './headers.js'
import { rateLimit } from './rate-limit.js'
import { agencyRoutes } from './routes/agency.js'
import { catalogueRoutes } from './routes/catalogue.js'
import { metaRoutes } from './routes/meta.js'
import { objectionRoutes } from './routes/objections.js'

export type { ApiDeps } from './context.js'

/** Pages of our own: scripts and styles only from us (inline styles allowed), never framed. */
const HTML_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"

/** Adds routes to the app (the site's pages) after the API's own. */
export type Extension = (app: Hono, ctx: ApiContext) => void

/**
 * Builds the public API from its dependencies (a value: test it with app.request()). The Lambda
 * uses it as it is; `createApp` (full-app.ts) adds the admin API, open data and the site.
 */
export function createApiApp(deps: ApiDeps, extend?: Extension) {
  const app = new Hono()
  const ctx = createContext(deps)

  app.use(securityHeaders)
  app.use('/v1/*', openCors)
  app.use('/.well-known/*', openCors)
  if (deps.rateLimit) app.use(rateLimit(deps.rateLimit))

  app.get('/health', async (c) => {
    const checkedAt = deps.now().toISOString()
    c.header('Cache-Control', 'no-store')
    try {
      await deps.ping()
      return c.json({ status: 'ok', checks: { table: 'ok' }, checkedAt })
    } catch (error) {
      deps.log('error', 'health check failed', { error: (error as Error).message })
      return c.json({ status: 'unavailable', checks: { table: 'unavailable' }, checkedAt }, 503)
    }
  })

  app.use('/v1/docs', async (c, next) => {
    c.header('Content-Security-Policy', HTML_CSP)
    await next()
  })

  agencyRoutes(app, ctx)
  catalogueRoutes(app, ctx)
  objectionRoutes(app, deps)
  metaRoutes(app, ctx)
  extend?.(app, ctx)

  app.notFound((c) =>
    c.json<ErrorBody>(
      {
        error: 'not_found',
        message: `No such page or endpoint: ${c.req.method} ${c.req.path.slice(0, 200)}`,
      },
      404,
    ),
  )
  app.onError((error, c) => onError(error, c, deps.log))
  return app
}
