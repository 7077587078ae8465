/** The public HTTP app: a value, built from its dependencies, tested with app.request(). */
import { Hono } from 'hono'
import type { ErrorBody } from './errors.js'
import { onError } from './errors.js'
import { renderHome } from './home.js'

/** What the app needs from the outside world. */
export type ApiDeps = {
  /** Throws unless the table answers. */
  ping(): Promise<void>
  now(): Date
  /** The data is generated demo data (local runs): every page says so. */
  demo: boolean
}

/** Builds the public app from its dependencies (a value: test it with app.request()). */
export function createApp(deps: ApiDeps) {
  const app = new Hono()

  app.get('/health', async (c) => {
    const checkedAt = deps.now().toISOString()
    c.header('Cache-Control', 'no-store')
    try {
      await deps.ping()
      return c.json({ status: 'ok', checks: { table: 'ok' }, checkedAt })
    } catch (error) {
      console.error(
        JSON.stringify({ level: 'error', msg: 'health check failed', error: (error as Error).message }),
      )
      return c.json({ status: 'unavailable', checks: { table: 'unavailable' }, checkedAt }, 503)
    }
  })

  app.get('/', (c) => c.html(renderHome({ demo: deps.demo })))

  app.notFound((c) =>
    c.json<ErrorBody>(
      {
        error: 'not_found',
        message: `No such page or endpoint: ${c.req.method} ${c.req.path.slice(0, 200)}`,
      },
      404,
    ),
  )
  app.onError(onError)
  return app
}
