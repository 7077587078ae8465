/** audit verify on DynamoDB Local: a changed, reordered or deleted event is found. */
import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb'
import { beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../functions/admin/audit-verify.js'
import { nextAuditEvent } from '../../../shared/audit/chain.js'
import { signRequest } from '../../../shared/auth/sign-request.js'
import { aRecord, USCC_A } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'
import { officerKeyPair, registerOfficer } from '../../fixtures/officers.js'

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

  it('finds two events swapped', async () => {
    const { client, tableName, store } = db.current
    const [two, three] = (await store.listAudit(USCC_A)).slice(1, 3)
    const put = async (event: typeof two, seq: number) => {
      const { entity: _e, ...rest } = event as NonNullable<typeof two> & { entity?: string }
      await store.appendAudit({ ...rest, seq } as never).catch(() => undefined)
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: key(seq),
          UpdateExpression: 'SET subject = :s, #at = :t, detail = :d',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: {
            ':s': { S: rest.subject },
            ':t': { S: rest.at },
            ':d': { M: { n: { N: String((rest.detail as { n: number }).n) } } },
          },
        }),
      )
    }
    await put(three, 2)
    await put(two, 3)
    expect(await verifyAuditChain(store, USCC_A)).toMatchObject({ brokenAt: 2 })
  })

  it('finds the newest events cut off the end: a record whose submission is no longer in the chain', async () => {
    const { client, tableName, store } = db.current
    // A pending record (not yet decided): only its submission must be in the chain.
    const { reviewed: _decided, ...pending } = aRecord({
      uscc: USCC_A,
      id: 'id5',
      occurredOn: '2026-11-05',
      status: 'pending',
      submitted: { officerId: 'gz-001', at: '2026-12-05T02:00:00.000Z', signature: 'kept.jws.here' },
    })
    await store.putRecord(pending)
    expect(await verifyAuditChain(store, USCC_A)).toMatchObject({ brokenAt: null, problems: [] })
    await client.send(new DeleteItemCommand({ TableName: tableName, Key: key(5) }))
    expect(await verifyAuditChain(store, USCC_A)).toMatchObject({
      brokenAt: null,
      length: 4,
      problems: ['record id5: its submission is not in the chain'],
    })
  })

  it('checks every kept signature against the officer registry', async () => {
    const { store } = db.current
    const officer = await registerOfficer(store, 'gz-sig', { roles: ['maker'], regionScope: '4401' })
    const stranger = await officerKeyPair('gz-sig')
    const signed = async (key: typeof officer) =>
      signRequest(key, { method: 'POST', path: '/v1/admin/records', body: '{}' }, Date.now())
    const last = (await store.listAudit(USCC_A)).at(-1)
    const append = async (
      previous: { seq: number; hash: string } | undefined,
      signature: string,
      actor: string,
    ) => {
      const event = nextAuditEvent(previous, {
        uscc: USCC_A,
        at: '2026-12-06T02:00:00.000Z',
        actor,
        action: 'record.approved',
        subject: 'RECORD#2026-11-01#id1',
        detail: { signature },
      })
      await store.appendAudit(event)
      return event
    }
    const six = await append(last, await signed(officer), 'gz-sig')
    expect((await verifyAuditChain(store, USCC_A)).problems).toEqual([])
    const seven = await append(six, await signed({ ...stranger, kid: officer.kid }), 'gz-sig')
    await append(seven, await signed(officer), 'gz-001')
    expect((await verifyAuditChain(store, USCC_A)).problems).toEqual([
      `event 7: the signature does not verify with gz-sig/${officer.kid}`,
      'event 8: signed by gz-sig, recorded as gz-001',
    ])
  })

  it('finds a decided objection whose decisions are missing from the chain', async () => {
    const { store } = db.current
    await store.putObjection({
      uscc: USCC_A,
      id: 'OBJ1',
      recordId: 'id1',
      statement: '该记录有误，请核实原始文书。',
      region: '440106',
      status: 'dismissed',
      filedAt: '2026-12-01T02:00:00.000Z',
      resolvedAt: '2026-12-02T02:00:00.000Z',
      resolvedBy: 'gz-002',
      resolution: { zh: '原记录无误', en: 'The record stands' },
      version: 1,
    })
    expect((await verifyAuditChain(store, USCC_A)).problems).toEqual([
      'objection OBJ1: objection.accepted is not in the chain',
      'objection OBJ1: objection.dismissed is not in the chain',
    ])
  })
})
