/**
 * The open data as the API serves it: `/v1/open-data`, the manifest of the newest publication with
 * a URL for each file, and (locally; CloudFront serves them in AWS) the files under /open-data/.
 */
import type { Hono } from 'hono'
import type { BlobStore } from '../../export/blob-store.js'
import { MANIFEST } from '../../export/package.js'
import type { ApiContext } from '../context.js'
import { HttpError } from '../errors.js'
import { query } from '../http.js'
import { NoQuery } from '../schemas.js'

const TYPES: Record<string, string> = {
  json: 'application/json',
  gz: 'application/gzip',
  csv: 'text/csv; charset=utf-8',
  jws: 'application/jose',
  SHA256SUMS: 'text/plain; charset=utf-8',
}

const notPublished = () =>
  new HttpError(404, 'not_published', 'No open data has been published yet / 尚未发布开放数据')

export function openDataRoutes(app: Hono, _ctx: ApiContext, blobs: BlobStore) {
  app.get('/v1/open-data', async (c) => {
    query(c, NoQuery)
    const bytes = await blobs.get(MANIFEST)
    if (!bytes) throw notPublished()
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as {
      folder: string
      files: { name: string; bytes: number; sha256: string }[]
    }
    c.header('Cache-Control', 'public, max-age=300, s-maxage=300, stale-if-error=86400')
    return c.json({
      ...manifest,
      files: manifest.files.map((f) => ({ ...f, url: `/open-data/${manifest.folder}${f.name}` })),
      jwks: '/.well-known/jwks.json',
      verify: 'npm run verify-open-data -- <folder-or-url>',
    })
  })

  app.get('/open-data/:file{.+}', async (c) => {
    const key = c.req.param('file')
    if (key !== MANIFEST && !/^\d{4}-\d{2}-\d{2}\/[A-Za-z0-9._-]+$/.test(key)) throw notPublished()
    const bytes = await blobs.get(key)
    if (!bytes) throw new HttpError(404, 'not_found', `No such open-data file: ${key.slice(0, 100)}`)
    const ext = key.split('/').pop()?.split('.').pop() ?? ''
    c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream')
    c.header('Cache-Control', key === MANIFEST ? 'public, max-age=300' : 'public, max-age=86400, immutable')
    c.header('Access-Control-Allow-Origin', '*')
    return c.body(bytes as Uint8Array<ArrayBuffer>)
  })
}
