import { parseArgs } from 'node:util'
import { defaultJob, rerateAll } from '../../functions/rate/rerate.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { fail, runMain } from './cli.js'
import { withLocalDatabase } from './local-database.js'
import { progressBar } from './progress.js'
import { localRateDeps } from './rating.js'

const USAGE = `Usage: npm run -s rerate [-- --job NAME] [-- --fresh]
  --job NAME   name of the run; running it again resumes it (default: methodology and today)
  --fresh      start a new run even if one with that name finished`

runMain(async () => {
  const args = readArgs()
  await withLocalDatabase(async ({ client, local, store, tableName }) => {
    if (local) await ensureTable(client, tableName)
    const deps = localRateDeps(store)
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
  })
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
