import { verifyAuditChain } from '../../functions/admin/audit-verify.js'
import { REGISTRY_CHAIN } from '../../shared/audit/chain.js'
import { requireUscc } from '../../shared/identity/uscc.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import type { Store } from '../../shared/store/store.js'
import { fail, runMain } from './cli.js'
import { withLocalDatabase } from './local-database.js'

const USAGE = `Usage: npm run -s audit -- verify [USCC | ${REGISTRY_CHAIN}]`

async function everyAgency(store: Store): Promise<string[]> {
  const usccs: string[] = []
  for (let segment = 0; segment < 4; segment++) {
    let cursor: string | undefined
    do {
      const page = await store.scanDirectory(segment, 4, { limit: 1000, ...(cursor ? { cursor } : {}) })
      for (const item of page.items) if (item.entity === 'Agency') usccs.push(item.uscc)
      cursor = page.next
    } while (cursor)
  }
  return usccs.sort()
}

runMain(async () => {
  const [command, target, ...rest] = process.argv.slice(2).filter((a) => a !== '--')
  if (command !== 'verify' || rest.length > 0) fail(USAGE)
  const only = target === REGISTRY_CHAIN ? target : target ? requireUscc(target) : undefined
  await withLocalDatabase(async ({ client, local, store, tableName }) => {
    if (local) await ensureTable(client, tableName)
    // The officer registry's chain, then every agency's.
    const usccs = only ? [only] : [REGISTRY_CHAIN, ...(await everyAgency(store))]
    let events = 0
    const broken: string[] = []
    for (const uscc of usccs) {
      const report = await verifyAuditChain(store, uscc)
      events += report.length
      if (report.brokenAt !== null)
        broken.push(`${uscc}: broken at event ${report.brokenAt} of ${report.length}`)
      for (const problem of report.problems) broken.push(`${uscc}: ${problem}`)
    }
    if (broken.length === 0) {
      console.log(`OK 审计链完整: ${usccs.length} agencies, ${events} events`)
      return
    }
    console.log(`BROKEN 审计链被改动: ${broken.length} of ${usccs.length} chains`)
    for (const line of broken) console.log(`  - ${line}`)
    process.exitCode = 1
  })
})
