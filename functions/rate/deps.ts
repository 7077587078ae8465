/** Composition root for the rate Lambdas: configuration, clients and store, built once per cold start. */
import { loadConfig } from '../../shared/config.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { createClients } from '../../shared/store/clients.js'
import { createStore } from '../../shared/store/store.js'
import { jsonLog } from '../log.js'
import type { RateDeps } from './rate-agencies.js'

/** Builds what the rate handlers need from the environment. */
export function createRateDeps(
  env: Record<string, string | undefined> = process.env,
): RateDeps & { now: () => Date } {
  const config = loadConfig(env)
  const { documentClient } = createClients(config.dynamodbEndpoint)
  return {
    store: createStore({ documentClient, tableName: config.tableName }),
    methodology: DEFAULT_METHODOLOGY,
    log: jsonLog('rate'),
    now: () => new Date(),
  }
}
