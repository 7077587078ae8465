/**
 * `npm start`: the whole product on one laptop. Starts DynamoDB Local (persisted under the data
 * folder, or in memory with --in-memory), creates the table from the shared key schema, seeds demo
 * agencies when the table is empty, and serves the app on 127.0.0.1. Ctrl-C or SIGTERM stops
 * everything; the Java child never outlives this process.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import { createApp } from '../../functions/api/app.js'
import { ENV, LOCAL_TABLE_NAME } from '../../shared/config.js'
import { createClients } from '../../shared/store/clients.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { createStore, type Store } from '../../shared/store/store.js'
import { chinaDate } from '../../shared/time/china-date.js'
import { seedDemo } from './demo-seed.js'
import { type DynamoDbLocal, JavaMissingError, startDynamoDbLocal } from './dynamodb-local.js'
import { listen } from './listen.js'
import { clearRunning, readRunning, readSeedState, writeRunning, writeSeedState } from './local-state.js'

const USAGE = `Usage: npm start [-- --in-memory] [-- --agencies N] [-- --seed S]
  --in-memory   keep the database in memory (nothing written to the data folder)
  --agencies N  demo agencies to generate when the table is empty (default 2000)
  --seed S      demo data seed (default 1)
Environment: ${ENV.port.name} (default ${ENV.port.default}), ${ENV.dataDir.name} (default ${ENV.dataDir.default})`

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const args = readArgs()
  const dataDir = resolve(process.env[ENV.dataDir.name] || ENV.dataDir.default)
  mkdirSync(dataDir, { recursive: true })
  const running = readRunning(dataDir)
  if (running) fail(`Chengxin is already running (pid ${running.pid}) at ${running.url}; stop it first.`)

  let db: DynamoDbLocal | undefined
  let stopping = false
  const shutdown = async (code: number) => {
    if (stopping) return
    stopping = true
    clearRunning(dataDir)
    await db?.stop()
    process.exit(code)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.log(`\n${signal}: stopping 正在停止…`)
      void shutdown(0)
    })
  }
  process.on('uncaughtException', (error) => {
    console.error('Chengxin crashed:', error)
    void shutdown(1)
  })

  console.log('Starting DynamoDB Local 启动内置数据库…')
  try {
    db = await startDynamoDbLocal(args.inMemory ? {} : { dataDir: resolve(dataDir, 'dynamodb') })
  } catch (error) {
    if (error instanceof JavaMissingError) fail(error.message)
    throw error
  }
  void db.exited.then((code) => {
    if (stopping) return
    console.error(`DynamoDB Local stopped unexpectedly (exit code ${code}); stopping Chengxin.`)
    void shutdown(1)
  })

  const { client, documentClient } = createClients(db.endpoint)
  await ensureTable(client, LOCAL_TABLE_NAME)
  const store = createStore({ documentClient, tableName: LOCAL_TABLE_NAME })
  await seedIfNeeded(store, args, args.inMemory ? undefined : dataDir)

  const app = createApp({ ping: () => store.ping(), now: () => new Date(), demo: true })
  const port = await listen((options) => serve({ fetch: app.fetch, hostname: '127.0.0.1', ...options }), {
    requested: process.env[ENV.port.name],
    fallback: Number(ENV.port.default),
  })
  const url = `http://127.0.0.1:${port}`
  writeRunning(dataDir, {
    pid: process.pid,
    url,
    dynamodbEndpoint: db.endpoint,
    tableName: LOCAL_TABLE_NAME,
    startedAt: new Date().toISOString(),
  })
  console.log(`
Chengxin 诚信 is running 已启动: ${url}
  health 服务状态   ${url}/health
  database 数据库   DynamoDB Local at ${db.endpoint}, ${args.inMemory ? 'in memory' : `data in ${resolve(dataDir, 'dynamodb')}`}
  demo data 演示数据 all agencies shown are generated, not real
Press Ctrl-C to stop 按 Ctrl-C 停止.`)
}

/**
 * Seeds demo data into an empty table. An interrupted seed (Ctrl-C halfway) is finished on the
 * next start with the same parameters, so the data never ends up half-made or mixed.
 */
async function seedIfNeeded(
  store: Store,
  args: { agencies: number; seed: number },
  dataDir: string | undefined,
) {
  const unfinished = dataDir ? readSeedState(dataDir) : undefined
  const resume = unfinished && !unfinished.complete
  if (!resume && !(await store.isEmpty())) return
  const params = resume
    ? unfinished
    : { agencies: args.agencies, seed: args.seed, asOf: chinaDate(new Date()) }
  if (params.agencies === 0) return
  if (dataDir) writeSeedState(dataDir, { ...params, complete: false })
  const seeded = await seedDemo(store, params)
  if (dataDir) writeSeedState(dataDir, { ...params, complete: true })
  console.log(
    `Seeded ${seeded.agencies} demo agencies and ${seeded.records} records (seed ${params.seed}, as of ${params.asOf}).`,
  )
}

function readArgs() {
  const options = {
    'in-memory': { type: 'boolean', default: false },
    agencies: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  } as const
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values']
  try {
    values = parseArgs({ options }).values
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const agencies = Number(values.agencies)
  const seed = Number(values.seed)
  if (!Number.isInteger(agencies) || agencies < 0 || agencies > 100_000)
    fail(`--agencies must be 0–100000\n${USAGE}`)
  if (!Number.isInteger(seed)) fail(`--seed must be an integer\n${USAGE}`)
  return { inMemory: values['in-memory'], agencies, seed }
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
