import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { exportOpenData } from '../../functions/export/export.js'
import { jsonLog } from '../../functions/log.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { localSigner } from '../../shared/signing/local-signer.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { fail, runMain } from './cli.js'
import { withLocalDatabase } from './local-database.js'

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
  await withLocalDatabase(async ({ client, local, store, dataDir, tableName }) => {
    if (local) await ensureTable(client, tableName)
    const folder = resolve(dataDir, 'open-data')
    const result = await exportOpenData(
      {
        store,
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
  })
})
