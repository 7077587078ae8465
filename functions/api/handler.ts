import { handle } from 'hono/aws-lambda'
import { createApiApp } from './app.js'
import { createDeps } from './deps.js'

export const handler = handle(createApiApp(await createDeps()))
