/**
 * The public Lambda: the API, and the site's pages when SITE_MANIFEST is set (their assets are
 * served from the site bucket), and the open-data catalogue when OPEN_DATA_BUCKET is set. It only
 * reads: objections are filed through the admin function.
 */
import { handle } from 'hono/aws-lambda'
import { siteFromEnv } from '../site-manifest.js'
import { createApiApp } from './app.js'
import { createDeps } from './deps.js'
import { objectionPageRoutes } from './routes/objection-pages.js'
import { openDataRoutes } from './routes/open-data.js'
import { pageRoutes } from './routes/pages.js'

const deps = await createDeps()
const site = siteFromEnv(process.env)

export const handler = handle(
  createApiApp(deps, (app, ctx) => {
    if (deps.openData) openDataRoutes(app, ctx, deps.openData)
    if (site) {
      objectionPageRoutes(app, deps, site)
      pageRoutes(app, ctx, site)
    }
  }),
)
