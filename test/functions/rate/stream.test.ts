/** The stream handler against a real DynamoDB Local: duplicates, reordering and partial failures. */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import { affectedAgencies, handleStream } from '../../../functions/rate/stream.js'
import type { Store } from '../../../shared/store/store.js'
import { aRecord } from '../../fixtures/builders.js'
import { createTestTable, useTable } from '../../fixtures/db.js'
import { importClean, pipelineDeps } from '../../fixtures/pipeline.js'

let sequence = 1000
/** A Lambda-shaped stream event for items by key. */
function batch(...keys: { pk: string; sk: string }[]): DynamoDBStreamEvent {
  return {
    Records: keys.map((k) => ({
      eventID: String(++sequence),
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: { pk: { S: k.pk }, sk: { S: k.sk } },
        SequenceNumber: String(++sequence),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    })),
  }
}

const A = '91440101MA5TEQT04H'
const B = '91330100716105852F'
const penalty = aRecord({
  uscc: A,
  id: '01KSTREAM00000000000000001',
  occurredOn: '2026-10-01',
  severity: 'general',
})
const repaired = { ...penalty, status: 'repaired' as const, repairedOn: '2026-12-01', version: 2 }
const recordKey = (r: typeof penalty) => ({ pk: `AGENCY#${r.uscc}`, sk: `RECORD#${r.occurredOn}#${r.id}` })

/** The state a test compares: the rating's content and the number of history items. */
async function state(store: Store, uscc: string) {
  const rating = await store.getRating(uscc)
  const history = (await store.listRatingHistory(uscc)).items
  return { grade: rating?.grade, contentHash: rating?.contentHash, history: history.length }
}

describe('affectedAgencies', () => {
  it('keeps profile and record changes, drops ratings, history and audit, and remembers the first change', () => {
    const event = batch(
      { pk: `AGENCY#${A}`, sk: 'RATING#CURRENT' },
      { pk: `AGENCY#${A}`, sk: 'RECORD#2026-10-01#x' },
      { pk: `AGENCY#${B}`, sk: 'PROFILE' },
      { pk: `AGENCY#${A}`, sk: 'PROFILE' },
      { pk: `AGENCY#${B}`, sk: 'AUDIT#000000000001' },
      { pk: 'OFFICER#gz-001', sk: 'KEY#abc' },
    )
    const found = affectedAgencies(event)
    expect([...found.keys()]).toEqual([A, B])
    expect(found.get(A)).toBe(event.Records[1]?.dynamodb?.SequenceNumber)
  })
})

describe('handleStream', () => {
  const db = useTable()

  it('gives the same state when a batch is delivered twice', async () => {
    const { store } = db.current
    const { deps } = pipelineDeps(store)
    await importClean(store, A)
    await store.putRecord(penalty)
    const event = batch({ pk: `AGENCY#${A}`, sk: 'PROFILE' }, recordKey(penalty))
    await handleStream(deps, event)
    const once = await state(store, A)
    await handleStream(deps, event)
    expect(await state(store, A)).toEqual(once)
    expect(once).toMatchObject({ grade: 'B', history: 1 })
  })

  it('gives the same state for batches out of order as in order', async () => {
    const run = async (order: 'in' | 'out') => {
      const table = await createTestTable()
      try {
        const { deps } = pipelineDeps(table.store)
        await importClean(table.store, A)
        await table.store.putRecord(penalty)
        await table.store.putRecord(repaired)
        const first = batch(recordKey(penalty))
        const second = batch(recordKey(repaired))
        for (const event of order === 'in' ? [first, second] : [second, first])
          await handleStream(deps, event)
        return await state(table.store, A)
      } finally {
        await table.drop()
      }
    }
    expect(await run('out')).toEqual(await run('in'))
  })

  it('reports only the agency that failed (at its first change), after rating the others', async () => {
    const { store } = db.current
    const { deps } = pipelineDeps(store)
    await importClean(store, B)
    const flaky: Store = {
      ...store,
      loadForRating: async (uscc) => {
        if (uscc === A) throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' })
        return store.loadForRating(uscc)
      },
    }
    const event = batch(
      { pk: `AGENCY#${A}`, sk: 'PROFILE' },
      { pk: `AGENCY#${B}`, sk: 'PROFILE' },
      recordKey(penalty),
    )
    const result = await handleStream({ ...deps, store: flaky }, event)
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.dynamodb?.SequenceNumber }])
    expect(await store.getRating(B)).toBeDefined()
  })
})
