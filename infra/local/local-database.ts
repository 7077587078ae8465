/**
 * How the command-line tools reach the database: a deployed table when TABLE_NAME is set (AWS
 * credentials and region from the environment, as for the AWS CLI); else through the running
 * `npm start` if there is one, else with a DynamoDB Local of their own on the data folder (holding
 * the folder's lock while they run). The table is the caller's to ensure or reset.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { ENV, LOCAL_TABLE_NAME, loadLocalConfig } from '../../shared/config.js'
import { createClients } from '../../shared/store/clients.js'
import { createStore, type Store } from '../../shared/store/store.js'
import { fail } from './cli.js'
import { startDynamoDbLocal } from './dynamodb-local.js'
import { acquire, readRunning, release } from './local-state.js'

/** `local`: DynamoDB Local, whose table the tool may create; false for a deployed table. */
export type LocalDatabase = {
  client: DynamoDBClient
  store: Store
  dataDir: string
  tableName: string
  local: boolean
}

export async function withLocalDatabase<T>(
  action: (db: LocalDatabase) => Promise<T>,
  dataDir = resolve(loadLocalConfig(process.env).dataDir),
): Promise<T> {
  const deployed = process.env[ENV.tableName.name]
  if (deployed) {
    const { client, documentClient } = createClients(process.env[ENV.dynamodbEndpoint.name] || undefined)
    return action({
      client,
      store: createStore({ documentClient, tableName: deployed }),
      dataDir,
      tableName: deployed,
      local: false,
    })
  }
  mkdirSync(dataDir, { recursive: true })
  const running = readRunning(dataDir)
  if (running && !running.dynamodbEndpoint) fail('Chengxin is still starting; run this again once it is up.')
  if (!running && !acquire(dataDir).ok)
    fail('Another Chengxin tool is using the data folder; try again in a moment.')
  const own = running ? undefined : await startDynamoDbLocal({ dataDir: resolve(dataDir, 'dynamodb') })
  try {
    const { client, documentClient } = createClients(running?.dynamodbEndpoint ?? own?.endpoint)
    const tableName = running?.tableName ?? LOCAL_TABLE_NAME
    const store = createStore({ documentClient, tableName })
    return await action({ client, store, dataDir, tableName, local: true })
  } finally {
    await own?.stop()
    if (!running) release(dataDir)
  }
}
