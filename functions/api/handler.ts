import { handle } from 'hono/aws-lambda'
import { createApp } from './app.js'
import { createDeps } from './deps.js'

export const handler = handle(createApp(await createDeps()))
