/**
 * A server for the API bench, run in its own process so that the load generator does not share its
 * event loop. BENCH_SERVER=hello: a Hono hello world (the baseline); BENCH_SERVER=api: the API over
 * DynamoDB Local (AWS_ENDPOINT_URL_DYNAMODB, TABLE_NAME), hot cache BENCH_HOT_CACHE_MS. Prints
 * `{"port":N}` once listening.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createApp } from '../functions/api/full-app.js'
import { refreshingIndex } from '../functions/api/search-index.js'
import { loadSearchEntries } from '../functions/api/search-source.js'
import { jsonLog } from '../functions/log.js'
import { loadConfig } from '../shared/config.js'
import { DEFAULT_METHODOLOGY } from '../shared/rating/methodologies/index.js'
import { noPinyin } from '../shared/search/entry.js'
import { localSigner } from '../shared/signing/local-signer.js'
import { createClients } from '../shared/store/clients.js'
import { createStore } from '../shared/store/store.js'

async function app(): Promise<Hono | ReturnType<typeof createApp>> {
  if (process.env.BENCH_SERVER === 'hello') return new Hono().get('/', (c) => c.text('Hello Hono!'))
  const config = loadConfig(process.env)
  const store = createStore({
    documentClient: createClients(config.dynamodbEndpoint).documentClient,
    tableName: config.tableName,
  })
  return createApp({
    ping: () => store.ping(),
    now: () => new Date(),
    demo: true,
    store,
    search: refreshingIndex(() => loadSearchEntries(store, noPinyin), { maxAgeMs: 60_000 }),
    signer: await localSigner(join(mkdtempSync(join(tmpdir(), 'chengxin-bench-')), 'key.jwk.json')),
    methodology: DEFAULT_METHODOLOGY,
    log: jsonLog('api', 'warn'),
    hotCacheMs: Number(process.env.BENCH_HOT_CACHE_MS ?? 2_000),
  })
}

const server = serve({ fetch: (await app()).fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(JSON.stringify({ port: info.port }))
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
