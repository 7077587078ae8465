/** The command-line tools reach a deployed table when TABLE_NAME is set, and never create one there. */
import { afterEach, describe, expect, it } from 'vitest'
import { withLocalDatabase } from '../../../infra/local/local-database.js'
import { anAgency, USCC_A } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'

const db = useTable()
const saved = { table: process.env.TABLE_NAME, endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB }
afterEach(() => {
  for (const [name, value] of [
    ['TABLE_NAME', saved.table],
    ['AWS_ENDPOINT_URL_DYNAMODB', saved.endpoint],
  ] as const)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
})

describe('withLocalDatabase', () => {
  it('uses the table TABLE_NAME names, through the configured endpoint, marked as not local', async () => {
    await db.current.store.putAgency(anAgency({ uscc: USCC_A }))
    process.env.TABLE_NAME = db.current.tableName
    process.env.AWS_ENDPOINT_URL_DYNAMODB = db.current.endpoint
    const seen = await withLocalDatabase(
      async ({ local, tableName, store }) => ({
        local,
        tableName,
        name: (await store.getAgency(USCC_A))?.name,
      }),
      '/nonexistent/data-dir',
    )
    expect(seen).toEqual({
      local: false,
      tableName: db.current.tableName,
      name: anAgency({ uscc: USCC_A }).name,
    })
  })
})
