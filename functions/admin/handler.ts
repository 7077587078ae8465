/**
 * The writing Lambda for people: the signed admin API (/v1/admin/*), and the public objection
 * filings (POST /v1/objections, and the site's form POST /a/{uscc}/objections). The public API
 * function cannot write the table; this one can.
 */
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'
import { loadRootCa } from '../../shared/auth/certificate.js'
import { ENV, loadConfig } from '../../shared/config.js'
import { objectionPolicy } from '../../shared/objections/policy.js'
import { createClients } from '../../shared/store/clients.js'
import { createStore } from '../../shared/store/store.js'
import { onError } from '../api/errors.js'
import { openCors, securityHeaders } from '../api/headers.js'
import { objectionPageRoutes } from '../api/routes/objection-pages.js'
import { type ObjectionDeps, objectionRoutes } from '../api/routes/objections.js'
import { jsonLog } from '../log.js'
import { siteFromEnv } from '../site-manifest.js'
import { createAdminApp } from './app.js'

const config = loadConfig(process.env)
const store = createStore({
  documentClient: createClients(config.dynamodbEndpoint).documentClient,
  tableName: config.tableName,
})
const policy = objectionPolicy(process.env[ENV.objectionAnswerDays.name])
const rootCa = loadRootCa(process.env[ENV.officerRootCa.name], ENV.officerRootCa.name)
const now = () => new Date()
const log = jsonLog('admin')

const app = new Hono()
app.use(securityHeaders)
app.use('/v1/objections', openCors)
app.route('/', createAdminApp({ store, now, objectionPolicy: policy, ...(rootCa ? { rootCa } : {}) }))
const objections: ObjectionDeps = { objections: store, objectionPolicy: policy, now, demo: false }
objectionRoutes(app, objections)
const site = siteFromEnv(process.env)
if (site) objectionPageRoutes(app, objections, site)
app.onError((error, c) => onError(error, c, log))

export const handler = handle(app)
