/** Composition root for the API Lambda: configuration, clients, store, signer and search index, once per cold start. */
import { ENV, loadConfig } from '../../shared/config.js'
import { objectionPolicy } from '../../shared/objections/policy.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { noPinyin } from '../../shared/search/entry.js'
import { createClients } from '../../shared/store/clients.js'
import { createStore } from '../../shared/store/store.js'
import type { BlobStore } from '../export/blob-store.js'
import { jsonLog } from '../log.js'
import { signerFromConfig } from '../signer.js'
import type { ApiDeps } from './context.js'
import { refreshingIndex } from './search-index.js'
import { loadSearchEntries } from './search-source.js'

/** How long the Lambda keeps a search index before reloading it in the background. */
const INDEX_MAX_AGE_MS = 5 * 60_000

/** Builds what the API needs from the environment. */
export async function createDeps(env: Record<string, string | undefined> = process.env): Promise<ApiDeps> {
  const config = loadConfig(env)
  const { documentClient } = createClients(config.dynamodbEndpoint)
  const store = createStore({ documentClient, tableName: config.tableName })
  const signer = await signerFromConfig(config)
  const bucket = env[ENV.openDataBucket.name]
  return {
    ping: () => store.ping(),
    now: () => new Date(),
    demo: false,
    store,
    // The pinyin dictionary is too large for the bundle: pinyin search uses the readings stored with each profile.
    search: refreshingIndex(() => loadSearchEntries(store, noPinyin), { maxAgeMs: INDEX_MAX_AGE_MS }),
    signer,
    methodology: DEFAULT_METHODOLOGY,
    log: jsonLog('api'),
    // Read here (objection pages); POST /v1/objections is routed to the admin function, which writes.
    objections: store,
    objectionPolicy: objectionPolicy(env[ENV.objectionAnswerDays.name]),
    ...(bucket ? { openData: lazyOpenData(bucket, env[ENV.openDataPrefix.name] ?? '') } : {}),
  }
}

/**
 * The open-data bucket, reached only when /v1/open-data is asked for: the S3 client loads then, not
 * at every cold start of the API.
 */
function lazyOpenData(bucket: string, prefix: string): BlobStore {
  let store: Promise<BlobStore> | undefined
  const load = () => {
    store ??= Promise.all([import('@aws-sdk/client-s3'), import('../export/s3-blob-store.js')]).then(
      ([s3, blobs]) => blobs.s3BlobStore(new s3.S3Client({}), bucket, prefix),
    )
    return store
  }
  return {
    putFile: async (key, path, type) => (await load()).putFile(key, path, type),
    get: async (key) => (await load()).get(key),
    list: async (under) => (await load()).list(under),
    delete: async (keys) => (await load()).delete(keys),
  }
}
