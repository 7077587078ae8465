/**
 * `npm run rerate [-- --job NAME] [-- --fresh]`: re-rates every agency in the local database with the
 * full re-rate core: through the running `npm start` if there is one, else with a DynamoDB Local of
 * its own. A job interrupted halfway resumes when run again with the same name; --fresh starts anew.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultJob, rerateAll } from '../../functions/rate/rerate.js'
import { LOCAL_TABLE_NAME, loadLocalConfig } from '../../shared/config.js'
import { createClients } from '../../shared/store/clients.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { createStore } from '../../shared/store/store.js'
import { fail, runMain } from './cli.js'
import { startDynamoDbLocal } from './dynamodb-local.js'
import { acquire, readRunning, release } from './local-state.js'
import { progressBar } from './progress.js'
import { localRateDeps } from './rating.js'

const USAGE = `Usage: npm run -s rerate [-- --job NAME] [-- --fresh]
  --job NAME   name of the run; running it again resumes it (default: methodology and today)
  --fresh      start a new run even if one with that name finished`

runMain(async () => {
  const args = readArgs()
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
    const deps = localRateDeps(createStore({ documentClient, tableName: LOCAL_TABLE_NAME }))
    const asOf = deps.now()
    const base = args.job ?? defaultJob(deps, asOf)
    const job = args.fresh ? `${base}:${asOf.toISOString()}` : base
    const bar = progressBar('Re-rating 重新计算评级', undefined)
    const report = await rerateAll(deps, asOf, { job, onProgress: (n) => bar.update(n) })
    bar.finish()
    console.log(
      `Job ${job}: ${report.handled} agencies, ${report.written} ratings changed, ${report.unchanged} unchanged, ${report.failed.length} could not be rated.`,
    )
    for (const f of report.failed) console.log(`  ${f.uscc}: ${f.error}`)
    if (report.handled > 0 && report.written + report.unchanged + report.failed.length === 0) {
      console.log('This job had already finished; add --fresh to run it again.')
    }
  } finally {
    await db?.stop()
    if (!running) release(dataDir)
  }
})

function readArgs() {
  try {
    const { values } = parseArgs({
      options: {
        job: { type: 'string' },
        fresh: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    })
    if (values.help) {
      console.log(USAGE)
      process.exit(0)
    }
    return { ...(values.job ? { job: values.job } : {}), fresh: values.fresh }
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
}
