/**
 * `npm run seed -- --agencies N --seed S [--as-of yyyy-mm-dd] [--out FILE|-]`
 *
 * Generates demo data. With --out it writes JSON Lines ({ "type": "agency" | "record", "item" })
 * to a file or stdout and touches no database. Otherwise it writes into the local database: the
 * running `npm start` if there is one, else a DynamoDB Local started just for this.
 * The same seed and as-of date always give the same data.
 */
import { createWriteStream } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ENV, LOCAL_TABLE_NAME } from '../../shared/config.js'
import { generateDemoData } from '../../shared/demo/generate.js'
import { createClients } from '../../shared/store/clients.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { createStore } from '../../shared/store/store.js'
import { chinaDate, startOfChinaDate } from '../../shared/time/china-date.js'
import { seedDemo } from './demo-seed.js'
import { JavaMissingError, startDynamoDbLocal } from './dynamodb-local.js'
import { readRunning } from './local-state.js'

const USAGE = `Usage: npm run seed -- --agencies N --seed S [--as-of yyyy-mm-dd] [--out FILE|-]
  --agencies N   how many agencies (1–100000, default 2000)
  --seed S       any integer (default 1); the same seed and as-of date give the same data
  --as-of DATE   the China-time date the data is generated as of (default today)
  --out FILE     write JSON Lines to FILE (- for stdout) instead of the local database`

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const options = readArgs()
  if (options.out !== undefined) {
    await writeJsonLines(options.out, generateDemoData(options))
    return
  }
  const dataDir = resolve(process.env[ENV.dataDir.name] || ENV.dataDir.default)
  const running = readRunning(dataDir)
  const db = running ? undefined : await startDynamoDbLocal({ dataDir: resolve(dataDir, 'dynamodb') })
  try {
    const endpoint = running?.dynamodbEndpoint ?? db?.endpoint
    const { client, documentClient } = createClients(endpoint)
    await ensureTable(client, LOCAL_TABLE_NAME)
    const store = createStore({ documentClient, tableName: LOCAL_TABLE_NAME })
    const written = await seedDemo(store, options)
    console.log(
      `Wrote ${written.agencies} demo agencies and ${written.records} records to ${running ? `the running Chengxin (${running.url})` : resolve(dataDir, 'dynamodb')}.`,
    )
  } finally {
    await db?.stop()
  }
}

async function writeJsonLines(out: string, data: ReturnType<typeof generateDemoData>): Promise<void> {
  const stream = out === '-' ? process.stdout : createWriteStream(out)
  for (const item of data.agencies) stream.write(`${JSON.stringify({ type: 'agency', item })}\n`)
  for (const item of data.records) stream.write(`${JSON.stringify({ type: 'record', item })}\n`)
  if (stream !== process.stdout) await new Promise<void>((done) => stream.end(done))
}

function readArgs() {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      options: {
        agencies: { type: 'string', default: '2000' },
        seed: { type: 'string', default: '1' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const agencies = Number(values.agencies)
  const seed = Number(values.seed)
  const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : chinaDate(new Date())
  if (!Number.isInteger(agencies) || agencies < 1 || agencies > 100_000)
    fail(`--agencies must be 1–100000\n${USAGE}`)
  if (!Number.isSafeInteger(seed)) fail(`--seed must be an integer\n${USAGE}`)
  try {
    startOfChinaDate(asOf)
  } catch {
    fail(`--as-of must be a date like 2026-12-04\n${USAGE}`)
  }
  const out = typeof values.out === 'string' ? values.out : undefined
  return { agencies, seed, asOf, out }
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

main().catch((error: unknown) => {
  console.error(error instanceof JavaMissingError || error instanceof Error ? error.message : error)
  process.exit(1)
})
