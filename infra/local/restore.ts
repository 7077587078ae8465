/**
 * `npm run restore -- FILE`: a backup (npm run backup) checked whole (count and checksum), then
 * written into an empty table, then every audit chain re-walked. Into the local data folder's
 * table (with `npm start` stopped), or a deployed one (TABLE_NAME).
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { verifyAuditChain } from '../../functions/admin/audit-verify.js'
import { REGISTRY_CHAIN } from '../../shared/audit/chain.js'
import { readBackup, restoreTable } from '../../shared/store/backup.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { fail, runMain } from './cli.js'
import { withLocalDatabase } from './local-database.js'
import { progressBar } from './progress.js'

const USAGE = 'Usage: npm run -s restore -- FILE.jsonl.gz'

runMain(async () => {
  const [file, ...rest] = process.argv.slice(2).filter((a) => a !== '--')
  if (!file || rest.length > 0) fail(USAGE)
  let lines: string[]
  try {
    const bytes = readFileSync(file)
    lines = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').split('\n')
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`)
  }
  const { header, items } = readBackup(lines)
  console.log(`Backup of ${header.table} taken ${header.takenAt}: ${items.length} items, checksum good`)
  await withLocalDatabase(async ({ client, local, store, tableName }) => {
    if (local) await ensureTable(client, tableName)
    const bar = progressBar('恢复 restoring', items.length, process.stderr)
    await restoreTable(client, tableName, items, (done) => bar.update(done))
    bar.finish()
    const agencies = new Set(
      items.flatMap((i) => (i.pk?.S?.startsWith('AGENCY#') ? [i.pk.S.slice('AGENCY#'.length)] : [])),
    )
    const broken: string[] = []
    for (const uscc of [REGISTRY_CHAIN, ...[...agencies].filter((u) => u !== REGISTRY_CHAIN)]) {
      const report = await verifyAuditChain(store, uscc)
      if (report.brokenAt !== null || report.problems.length > 0)
        broken.push(
          `${uscc}: ${report.brokenAt !== null ? `broken at ${report.brokenAt}` : report.problems[0]}`,
        )
    }
    if (broken.length > 0)
      fail(`Restored, but ${broken.length} audit chains do not verify:\n  ${broken.join('\n  ')}`)
    console.log(
      `✓ restored ${items.length} items into ${tableName}; every audit chain verifies (${agencies.size} agencies)`,
    )
  })
})
