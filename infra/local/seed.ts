/**
 * `npm run seed -- --agencies N --seed S [--as-of yyyy-mm-dd] [--reset] [--out FILE|-]`
 *
 * Generates demo data. With --out it writes JSON Lines ({ "type": "agency" | "record", "item" })
 * to a file or stdout and touches no database. Otherwise it seeds the local database: the running
 * `npm start` if there is one, else a DynamoDB Local started just for this. A database that already
 * holds data is only replaced with --reset, so nothing is overwritten by accident.
 * The same seed and as-of date always give the same data.
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { LOCAL_TABLE_NAME, loadLocalConfig } from '../../shared/config.js'
import { generateDemoData } from '../../shared/demo/generate.js'
import { createClients } from '../../shared/store/clients.js'
import { ensureTable, resetTable } from '../../shared/store/ensure-table.js'
import { createStore } from '../../shared/store/store.js'
import { chinaDate, startOfChinaDate } from '../../shared/time/calendar.js'
import { fail, integerOption, runMain } from './cli.js'
import { seedDemo } from './demo-seed.js'
import { startDynamoDbLocal } from './dynamodb-local.js'
import { acquire, readRunning, release, writeSeedState } from './local-state.js'

const USAGE = `Usage: npm run -s seed -- --agencies N --seed S [--as-of yyyy-mm-dd] [--reset] [--out FILE|-]
  --agencies N   how many agencies (1–100000, default 2000)
  --seed S       any whole number (default 1); the same seed and as-of date give the same data
  --as-of DATE   the China-time date the data is generated as of (default today)
  --reset        empty the local database first (it must be empty otherwise)
  --out FILE     write JSON Lines to FILE (- for stdout) instead of the local database`

async function main(): Promise<void> {
  const options = readArgs()
  if (options.out !== undefined) {
    await writeJsonLines(options.out, generateDemoData(options))
    return
  }
  const dataDir = resolve(loadLocalConfig(process.env).dataDir)
  mkdirSync(dataDir, { recursive: true })
  const running = readRunning(dataDir)
  if (running && !running.dynamodbEndpoint)
    fail('Chengxin is still starting; run the seed again once it is up.')
  if (!running && !acquire(dataDir).ok)
    fail('Another Chengxin tool is using the data folder; try again in a moment.')
  const db = running ? undefined : await startDynamoDbLocal({ dataDir: resolve(dataDir, 'dynamodb') })
  try {
    const { client, documentClient } = createClients(running?.dynamodbEndpoint ?? db?.endpoint)
    const store = createStore({ documentClient, tableName: LOCAL_TABLE_NAME })
    if (options.reset) await resetTable(client, LOCAL_TABLE_NAME)
    else await ensureTable(client, LOCAL_TABLE_NAME)
    if (!(await store.isEmpty())) {
      throw new Error(
        'The local database already holds data. Add --reset to replace it (this deletes everything in it).',
      )
    }
    writeSeedState(dataDir, {
      agencies: options.agencies,
      seed: options.seed,
      asOf: options.asOf,
      complete: false,
    })
    const written = await seedDemo(store, options)
    writeSeedState(dataDir, {
      agencies: options.agencies,
      seed: options.seed,
      asOf: options.asOf,
      complete: true,
    })
    const where = running ? `the running Chengxin (${running.url})` : resolve(dataDir, 'dynamodb')
    console.log(`Wrote ${written.agencies} demo agencies and ${written.records} records to ${where}.`)
  } finally {
    await db?.stop()
    if (!running) release(dataDir)
  }
}

/** Writes JSON Lines, waiting when the reader is slower; a reader that goes away ends the output. */
async function writeJsonLines(out: string, data: ReturnType<typeof generateDemoData>): Promise<void> {
  const stream = out === '-' ? process.stdout : createWriteStream(out)
  let closed = false
  stream.on('error', () => {
    closed = true
  })
  const lines = [
    ...data.agencies.map((item) => ({ type: 'agency', item })),
    ...data.records.map((item) => ({ type: 'record', item })),
  ]
  for (const line of lines) {
    if (closed) return
    if (!stream.write(`${JSON.stringify(line)}\n`)) await drainedOrClosed(stream)
  }
  if (stream !== process.stdout) await new Promise<void>((done) => stream.end(done))
}

function drainedOrClosed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve()
    stream.once('drain', done)
    stream.once('close', done)
    stream.once('error', done)
  })
}

function readArgs() {
  const spec = {
    agencies: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    reset: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  } as const
  let values: ReturnType<typeof parseArgs<{ options: typeof spec }>>['values']
  try {
    values = parseArgs({ options: spec }).values
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const asOf = values['as-of'] ?? chinaDate(new Date())
  try {
    startOfChinaDate(asOf)
  } catch {
    fail(`--as-of must be a date like 2026-12-04; got "${asOf}"\n${USAGE}`)
  }
  return {
    agencies: integerOption('agencies', values.agencies, 1, 100_000, USAGE),
    seed: integerOption('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, USAGE),
    asOf,
    reset: values.reset,
    ...(values.out === undefined ? {} : { out: values.out }),
  }
}

runMain(main)
