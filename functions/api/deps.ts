/** Composition root for the API Lambda: configuration and clients, built once per cold start. */
import { loadConfig } from '../../shared/config.js'
import { createClients } from '../../shared/store/clients.js'
import { createStore } from '../../shared/store/store.js'
import type { ApiDeps } from './app.js'

/** Reads the configuration and builds the clients and store for the Lambda. */
export function createDeps(env: Record<string, string | undefined> = process.env): ApiDeps {
  const config = loadConfig(env)
  const { documentClient } = createClients(config.dynamodbEndpoint)
  const store = createStore({ documentClient, tableName: config.tableName })
  return { ping: () => store.ping(), now: () => new Date(), demo: false }
}
