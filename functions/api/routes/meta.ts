/** About the service: the methodology, the keys that verify attestations, the API description. */
import type { Hono } from 'hono'
import { jwks } from '../../../shared/signing/signer.js'
import type { ApiContext } from '../context.js'
import { CACHE, query } from '../http.js'
import { openApiDocument, referencePage } from '../openapi.js'
import { NoQuery } from '../schemas.js'

export function metaRoutes(app: Hono, ctx: ApiContext) {
  const { deps } = ctx
  app.get('/v1/methodology', (c) => {
    query(c, NoQuery)
    c.header('Cache-Control', CACHE.stable)
    return c.json(deps.methodology)
  })
  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', CACHE.stable)
    return c.json(jwks([deps.signer]))
  })
  app.get('/v1/openapi.json', (c) => {
    c.header('Cache-Control', CACHE.stable)
    return c.json(openApiDocument())
  })
  app.get('/v1/docs', (c) => {
    c.header('Cache-Control', CACHE.stable)
    return c.html(referencePage())
  })
}
