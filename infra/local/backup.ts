/**
 * `npm run backup [-- --out FILE]`: the whole table, consistent per agency, into a gzip'd JSON-lines
 * file (shared/store/backup.ts), by default `.data/backups/chengxin-<time>.jsonl.gz`. Works on the
 * running `npm start`, its data folder, or a deployed table (TABLE_NAME).
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createGzip } from 'node:zlib'
import { backupTable } from '../../shared/store/backup.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { fail, runMain } from './cli.js'
import { withLocalDatabase } from './local-database.js'
import { progressBar } from './progress.js'

const USAGE = 'Usage: npm run -s backup [-- --out FILE.jsonl.gz]'

runMain(async () => {
  let out: string | undefined
  try {
    out = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: { out: { type: 'string' } },
    }).values.out
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
  await withLocalDatabase(async ({ client, local, dataDir, tableName }) => {
    if (local) await ensureTable(client, tableName)
    const now = new Date()
    const file = resolve(
      out ?? resolve(dataDir, 'backups', `chengxin-${now.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`),
    )
    mkdirSync(dirname(file), { recursive: true })
    const gzip = createGzip()
    const sink = gzip.pipe(createWriteStream(file, { flags: 'wx' }))
    const done = new Promise<void>((ok, ko) => {
      sink.on('finish', ok)
      sink.on('error', ko)
    })
    const write = (line: string) =>
      new Promise<void>((ok) => {
        if (gzip.write(`${line}\n`)) ok()
        else gzip.once('drain', ok)
      })
    let bar: ReturnType<typeof progressBar> | undefined
    const trailer = await backupTable(client, tableName, write, now, (d, total) => {
      bar ??= progressBar('备份 backing up', total, process.stderr)
      bar.update(d)
    })
    bar?.finish()
    gzip.end()
    await done
    console.log(`✓ backed up ${trailer.items} items of ${trailer.partitions} partitions to ${file}`)
    console.log(`  restore into an empty table: npm run -s restore -- ${file}`)
  })
})
