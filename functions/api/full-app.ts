/** The whole app: the API, plus the admin API, the open-data files and the site's pages when given (local server, tests). */
import type { Hono } from 'hono'
import { createApiApp } from './app.js'
import type { ApiDeps } from './context.js'
import { objectionPageRoutes } from './routes/objection-pages.js'
import { openDataRoutes } from './routes/open-data.js'
import { pageRoutes } from './routes/pages.js'

// biome-ignore lint/suspicious/noExplicitAny: any sub-app (the admin API has its own context variables)
export function createApp(deps: ApiDeps, admin?: Hono<any>) {
  const { site, openData } = deps
  return createApiApp(deps, (app, ctx) => {
    if (admin) app.route('/', admin)
    if (openData) openDataRoutes(app, ctx, openData)
    if (site) {
      // Before the pages: theirs ends with the catch-all 404 page.
      objectionPageRoutes(app, deps, site)
      pageRoutes(app, ctx, site)
    }
  })
}
