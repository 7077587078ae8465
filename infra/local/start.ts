/**
 * `npm start`: the whole product on one laptop. Takes the data folder, binds the port, starts
 * DynamoDB Local (persisted under the data folder, or in memory with --in-memory), creates the
 * table from the shared key schema, seeds demo agencies into an empty table, and serves the app on
 * 127.0.0.1. Ctrl-C or SIGTERM stops everything; the Java child never outlives this process.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type ServerType, serve } from '@hono/node-server'
import { createAdminApp } from '../../functions/admin/app.js'
import { createApp } from '../../functions/api/full-app.js'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { loadRootCa } from '../../shared/auth/certificate.js'
import { ENV, LOCAL_TABLE_NAME, loadLocalConfig } from '../../shared/config.js'
import { createClients } from '../../shared/store/clients.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { createStore, type Store } from '../../shared/store/store.js'
import { chinaDate } from '../../shared/time/calendar.js'
import { localApiDeps } from './api-deps.js'
import { fail, integerOption, runMain } from './cli.js'
import { seedDemo } from './demo-seed.js'
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.js'
import { listen } from './listen.js'
import { acquire, announce, readSeedState, release, writeSeedState } from './local-state.js'
import { startPublishing } from './open-data.js'
import { localRateDeps, rateOnStart, startRatingPipeline } from './rating.js'

const USAGE = `Usage: npm start [-- --in-memory] [-- --agencies N] [-- --seed S]
  --in-memory   keep the database in memory (no database written to the data folder)
  --agencies N  demo agencies to generate when the table is empty (default 2000)
  --seed S      demo data seed (default 1)
Environment: ${ENV.port.name} (default ${ENV.port.default}), ${ENV.dataDir.name} (default ${ENV.dataDir.default})`

async function main(): Promise<void> {
  const args = readArgs()
  const config = loadLocalConfig(process.env)
  const dataDir = resolve(config.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const taken = acquire(dataDir)
  if (!taken.ok) {
    const where = taken.holder.url ? ` at ${taken.holder.url}` : ''
    fail(`Chengxin is already running (pid ${taken.holder.pid})${where}; stop it first.`)
  }

  let db: DynamoDbLocal | undefined
  let server: ServerType | undefined
  let stopPipeline: (() => Promise<void>) | undefined
  let stopPublishing: (() => void) | undefined
  let stopping = false
  const shutdown = async (code: number, message?: string) => {
    if (stopping) return
    stopping = true
    if (message) console.error(message)
    server?.close()
    stopPublishing?.()
    await stopPipeline?.().catch(() => {})
    release(dataDir)
    await db?.stop()
    process.exit(code)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0, `${signal}: stopping 正在停止…`))
  }
  process.on(
    'uncaughtException',
    (error) => void shutdown(1, `Chengxin crashed: ${error.stack ?? error.message}`),
  )

  // Bind the port first, so a taken port is reported before any slow work.
  // An in-memory database publishes into a folder of its own, gone with it.
  const openDataDir = args.inMemory
    ? mkdtempSync(join(tmpdir(), 'chengxin-open-data-'))
    : resolve(dataDir, 'open-data')
  const api = await localApiDeps(dataDir, openDataDir)
  const app = createApp(
    api.deps,
    createAdminApp({
      store: api.store,
      now: () => new Date(),
      ...(api.deps.objectionPolicy ? { objectionPolicy: api.deps.objectionPolicy } : {}),
      ...rootCaOption(),
    }),
  )
  const port = await listen(
    (options) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', ...options })
      return server
    },
    { requested: config.port, fallback: Number(ENV.port.default) },
  ).catch((error: Error) => shutdown(1, error.message))
  if (port === undefined) return

  console.log('Starting DynamoDB Local 启动内置数据库…')
  db = await startDynamoDbLocal({
    jvm: 'server',
    ...(args.inMemory ? {} : { dataDir: resolve(dataDir, 'dynamodb') }),
  }).catch((error: Error) => shutdown(1, error.message).then(() => undefined))
  if (!db) return
  void db.exited.then((code) =>
    shutdown(1, `DynamoDB Local stopped unexpectedly (exit code ${code}); stopping Chengxin.`),
  )

  const { client, documentClient } = createClients(db.endpoint)
  await ensureTable(client, LOCAL_TABLE_NAME)
  const ready = createStore({ documentClient, tableName: LOCAL_TABLE_NAME })
  const seeded = await seedIfNeeded(ready, args, args.inMemory ? undefined : dataDir)
  const rateDeps = localRateDeps(ready)
  const rated = await rateOnStart(rateDeps, seeded ?? 0)
  if (rated.written > 0) console.log(`Rated ${rated.written} agencies 已计算评级.`)
  stopPipeline = await startRatingPipeline(
    rateDeps,
    { client, endpoint: db.endpoint, tableName: LOCAL_TABLE_NAME },
    api.changed,
  )
  api.attach(ready)
  stopPublishing = await startPublishing(ready, fsBlobStore(openDataDir), api.deps.signer)

  const url = `http://127.0.0.1:${port}`
  announce(dataDir, {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    url,
    dynamodbEndpoint: db.endpoint,
    tableName: LOCAL_TABLE_NAME,
  })
  console.log(`
Chengxin 诚信 is running 已启动: ${url}
  health 服务状态   ${url}/health
  open data 开放数据 ${url}/v1/open-data (files in ${openDataDir})
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
  if (!resume && !(await store.isEmpty())) return undefined
  const params = resume
    ? unfinished
    : { agencies: args.agencies, seed: args.seed, asOf: chinaDate(new Date()) }
  if (params.agencies === 0) return undefined
  if (dataDir) writeSeedState(dataDir, { ...params, complete: false })
  const seeded = await seedDemo(store, params)
  if (dataDir) writeSeedState(dataDir, { ...params, complete: true })
  console.log(
    `Seeded ${seeded.agencies} demo agencies and ${seeded.records} records (seed ${params.seed}, as of ${params.asOf}).`,
  )
  return seeded.agencies
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
  return {
    inMemory: values['in-memory'],
    agencies: integerOption('agencies', values.agencies, 0, 100_000, USAGE),
    seed: integerOption('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, USAGE),
  }
}

runMain(main)

/** OFFICER_ROOT_CA: the PEM itself, or (locally) the path of a PEM file; unset, no certificates. */
function rootCaOption() {
  const setting = process.env[ENV.officerRootCa.name]
  if (!setting) return {}
  const pem = setting.startsWith('-----BEGIN') ? setting : readFileSync(setting, 'utf8')
  const rootCa = loadRootCa(pem, ENV.officerRootCa.name)
  return rootCa ? { rootCa } : {}
}
