/** audit verify on DynamoDB Local: a changed, reordered or deleted event is found. */
import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb'
import { beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../functions/admin/audit-verify.js'
import { nextAuditEvent } from '../../../shared/audit/chain.js'
import { USCC_A } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'

const db = useTable()
const key = (seq: number) => ({
  pk: { S: `AGENCY#${USCC_A}` },
  sk: { S: `AUDIT#${String(seq).padStart(12, '0')}` },
})

beforeEach(async () => {
  const { store, client, tableName } = db.current
  for (const event of await store.listAudit(USCC_A)) {
    await client.send(new DeleteItemCommand({ TableName: tableName, Key: key(event.seq) }))
  }
  let previous: { seq: number; hash: string } | undefined
  for (let i = 1; i <= 5; i++) {
    const event = nextAuditEvent(previous, {
      uscc: USCC_A,
      at: `2026-12-0${i}T02:00:00.000Z`,
      actor: 'gz-001',
      action: 'record.submitted',
      subject: `RECORD#2026-11-0${i}#id${i}`,
      detail: { n: i },
    })
    await store.appendAudit(event)
    previous = event
  }
})

describe('audit verify', () => {
  it('passes an intact chain and reports its length and head', async () => {
    const report = await verifyAuditChain(db.current.store, USCC_A)
    expect(report).toMatchObject({ length: 5, brokenAt: null })
    expect(report.head).toMatch(/^sha256:/)
  })

  it('finds a changed event', async () => {
    await db.current.client.send(
      new UpdateItemCommand({
        TableName: db.current.tableName,
        Key: key(3),
        UpdateExpression: 'SET actor = :a',
        ExpressionAttributeValues: { ':a': { S: 'someone-else' } },
      }),
    )
    expect(await verifyAuditChain(db.current.store, USCC_A)).toMatchObject({ brokenAt: 3 })
  })

  it('finds a deleted event', async () => {
    await db.current.client.send(new DeleteItemCommand({ TableName: db.current.tableName, Key: key(2) }))
    expect(await verifyAuditChain(db.current.store, USCC_A)).toMatchObject({ brokenAt: 3 })
  })

  it('finds events put out of order', async () => {
    await db.current.client.send(
      new UpdateItemCommand({
        TableName: db.current.tableName,
        Key: key(4),
        UpdateExpression: 'SET prevHash = :p',
        ExpressionAttributeValues: { ':p': { S: (await db.current.store.listAudit(USCC_A))[1]?.hash ?? '' } },
      }),
    )
    expect(await verifyAuditChain(db.current.store, USCC_A)).toMatchObject({ brokenAt: 4 })
  })
})
