/** The API with the site's pages and the open-data files when the deps carry them (local server, tests). */
import { createApiApp } from './app.js'
import type { ApiDeps } from './context.js'
import { openDataRoutes } from './routes/open-data.js'
import { pageRoutes } from './routes/pages.js'

export function createApp(deps: ApiDeps) {
  const { site, openData } = deps
  return createApiApp(deps, (app, ctx) => {
    if (openData) openDataRoutes(app, ctx, openData)
    if (site) pageRoutes(app, ctx, site)
  })
}
