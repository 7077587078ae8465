/** The API with the site's pages when the deps carry built site assets (local server, tests). */
import { createApiApp } from './app.js'
import type { ApiDeps } from './context.js'
import { pageRoutes } from './routes/pages.js'

export function createApp(deps: ApiDeps) {
  const site = deps.site
  return createApiApp(deps, site ? (app, ctx) => pageRoutes(app, ctx, site) : undefined)
}
