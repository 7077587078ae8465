/**
 * Backup and restore on DynamoDB Local: a whole table with officers' signed changes goes to a file
 * and into an empty table item for item, and every audit chain verifies there; a damaged file or a
 * table that is not empty is refused before anything is written.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { verifyAuditChain } from '../../../functions/admin/audit-verify.js'
import { REGISTRY_CHAIN } from '../../../shared/audit/chain.js'
import {
  backupTable,
  type Item,
  partitionProblem,
  readBackup,
  restoreTable,
} from '../../../shared/store/backup.js'
import { ratedApi } from '../../fixtures/api.js'
import { createTestTable, type TestTable } from '../../fixtures/db.js'
import { registerOfficer, signedAdminRequest } from '../../fixtures/officers.js'

let api: Awaited<ReturnType<typeof ratedApi>>
let target: TestTable
let lines: string[]
const sortedItems = (items: readonly Item[]) => items.map((i) => JSON.stringify(i)).sort()

beforeAll(async () => {
  api = await ratedApi(12)
  target = await createTestTable()
  // An officer's signed submission, so that records and the audit chain carry real signatures.
  const store = api.table.store
  const maker = await registerOfficer(store, 'gz-maker', { roles: ['maker'], regionScope: '' })
  const uscc = (await api.deps.search.entries())[0]?.uscc as string
  const body = JSON.stringify({
    uscc,
    id: '01KBN0000000000000000000B1',
    occurredOn: '2026-11-20',
    kind: 'complaint',
    outcome: 'upheld',
    severity: 'minor',
    title: { zh: '投诉属实', en: 'Complaint upheld' },
    authority: '人社局',
    source: { name: '12333' },
  })
  const now = api.deps.now()
  const admin = createAdminApp({ store, now: () => now })
  const res = await signedAdminRequest(
    admin,
    maker,
    { method: 'POST', path: '/v1/admin/records', body },
    now.getTime(),
  )
  expect(res.status).toBe(201)
  lines = []
  await backupTable(api.table.client, api.table.tableName, async (line) => void lines.push(line), now)
}, 90_000)
afterAll(async () => {
  await api.table.drop()
  await target.drop()
})

describe('backup and restore', () => {
  it('restores every item exactly into an empty table, where every audit chain verifies', async () => {
    const { items, header } = readBackup(lines)
    expect(header.table).toBe(api.table.tableName)
    expect(items.length).toBeGreaterThan(50)
    await restoreTable(target.client, target.tableName, items)
    const restored: Item[] = []
    await backupTable(
      target.client,
      target.tableName,
      async (l) => void restored.push(JSON.parse(l)),
      new Date(),
    )
    expect(sortedItems(restored.slice(1, -1))).toEqual(sortedItems(items))
    const agencies = new Set(items.flatMap((i) => (i.pk?.S?.startsWith('AGENCY#') ? [i.pk.S.slice(7)] : [])))
    expect(agencies.has(REGISTRY_CHAIN)).toBe(false)
    let events = 0
    for (const uscc of agencies) {
      const report = await verifyAuditChain(target.store, uscc)
      expect(report).toMatchObject({ brokenAt: null, problems: [] })
      events += report.length
    }
    expect(events).toBeGreaterThan(agencies.size)
  })

  it('refuses a table that is not empty, and a damaged or cut file, before writing anything', async () => {
    const { items } = readBackup(lines)
    await expect(restoreTable(target.client, target.tableName, items.slice(0, 1))).rejects.toThrow(
      /not empty/,
    )
    const flipped = [...lines]
    flipped[5] = (flipped[5] as string).replace(/"S":"/, '"S":"x')
    expect(() => readBackup(flipped)).toThrow(/checksum/)
    expect(() => readBackup(lines.slice(0, -1))).toThrow(/cut short|trailer|holds/)
    expect(() => readBackup(lines.slice(0, -2).concat(lines.slice(-1)))).toThrow(/holds/)
    expect(() => readBackup(['{}'])).toThrow(/not a chengxin/i)
    expect(() => readBackup(['{"format":"other"}', '{}'])).toThrow(/not a chengxin-backup/)
  })

  it('reads a partition again while a transaction is landing in it (a record seen before its audit event)', () => {
    const { items } = readBackup(lines)
    const partition = items.filter(
      (i) => i.pk?.S === items.find((x) => x.sk?.S?.startsWith('RECORD#') && x.submitted)?.pk?.S,
    )
    const signed = partition.find((i) => i.sk?.S?.startsWith('RECORD#') && i.submitted?.M?.signature)
    expect(signed).toBeDefined()
    expect(partitionProblem(partition)).toBeUndefined()
    const withoutEvent = partition.filter((i) => !(i.subject?.S === signed?.sk?.S))
    expect(partitionProblem(withoutEvent)).toMatch(/has no audit event yet|broken/)
  })

  it('never crashes on a file that is not a backup: it says what is wrong (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 6 }), (junk) => {
        try {
          readBackup(junk)
        } catch (error) {
          expect(error).toBeInstanceOf(Error)
          expect((error as Error).message.length).toBeGreaterThan(5)
        }
      }),
      { numRuns: 300 },
    )
  })
})
