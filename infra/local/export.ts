/**
 * `npm run export`: publishes the open data from the local database into `.data/open-data/`
 * (through the running `npm start` if there is one, else with a DynamoDB Local of its own), signed
 * with the local key. `--max-change 0.2` sets the share of agencies that may come or go before the
 * publication is held.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { exportOpenData } from '../../functions/export/export.js'
import { jsonLog } from '../../functions/log.js'
import { LOCAL_TABLE_NAME, loadLocalConfig } from '../../shared/config.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { localSigner } from '../../shared/signing/local-signer.js'
import { createClients } from '../../shared/store/clients.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { createStore } from '../../shared/store/store.js'
import { fail, runMain } from './cli.js'
import { startDynamoDbLocal } from './dynamodb-local.js'
import { acquire, readRunning, release } from './local-state.js'

const USAGE = `Usage: npm run -s export [-- --max-change 0.2]
  --max-change SHARE   hold the publication if the number of agencies moves by more than this share`

runMain(async () => {
  const { values } = (() => {
    try {
      return parseArgs({
        options: { 'max-change': { type: 'string' }, help: { type: 'boolean', default: false } },
      })
    } catch (error) {
      fail(`${(error as Error).message}\n${USAGE}`)
    }
  })()
  if (values.help) {
    console.log(USAGE)
    return
  }
  const maxChange = values['max-change'] === undefined ? 0.2 : Number(values['max-change'])
  if (!(maxChange >= 0 && maxChange <= 1)) fail(`--max-change must be a share between 0 and 1\n${USAGE}`)
  const dataDir = resolve(loadLocalConfig(process.env).dataDir)
  mkdirSync(dataDir, { recursive: true })
  const running = readRunning(dataDir)
  if (running && !running.dynamodbEndpoint) fail('Chengxin is still starting; run this again once it is up.')
  if (!running && !acquire(dataDir).ok)
    fail('Another Chengxin tool is using the data folder; try again in a moment.')
  const db = running ? undefined : await startDynamoDbLocal({ dataDir: resolve(dataDir, 'dynamodb') })
  try {
    const { client, documentClient } = createClients(running?.dynamodbEndpoint ?? db?.endpoint)
    await ensureTable(client, LOCAL_TABLE_NAME)
    const folder = resolve(dataDir, 'open-data')
    const result = await exportOpenData(
      {
        store: createStore({ documentClient, tableName: LOCAL_TABLE_NAME }),
        blobs: fsBlobStore(folder),
        signer: await localSigner(resolve(dataDir, 'keys', 'attestation.jwk.json')),
        methodology: DEFAULT_METHODOLOGY,
        log: jsonLog('export', 'warn'),
        now: () => new Date(),
      },
      { maxChange },
    )
    if (!result.published) fail(`Held, nothing published 未发布: ${result.reason}`)
    console.log(`Published 已发布 ${result.manifest.rows} agencies to ${folder}/${result.manifest.folder}`)
    console.log(`Check it 校验: npm run -s verify-open-data -- ${folder}`)
  } finally {
    await db?.stop()
    if (!running) release(dataDir)
  }
})
