/** The sweep and the full re-rate against a real DynamoDB Local, with faults. */

import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { describe, expect, it } from 'vitest'
import { rateAgencies, rateAgency } from '../../../functions/rate/rate-agencies.js'
import { rerateAll } from '../../../functions/rate/rerate.js'
import { findDue, sweep } from '../../../functions/rate/sweep.js'
import { evaluate } from '../../../shared/rating/evaluate.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import { createClients } from '../../../shared/store/clients.js'
import { createStore, type Store } from '../../../shared/store/store.js'
import { aRecord } from '../../fixtures/builders.js'
import { createTestTable, useTable } from '../../fixtures/db.js'
import { injectThrottling } from '../../fixtures/faults.js'
import { importClean, NOW, pipelineDeps, seedDemo } from '../../fixtures/pipeline.js'

/** Every agency's stored rating is what the engine says as of `asOf`, with exactly one history item per change. */
async function expectConverged(store: Store, usccs: string[], asOf: Date) {
  for (const uscc of usccs) {
    const { agency, records, rating } = await store.loadForRating(uscc)
    if (!agency) continue
    expect(rating?.contentHash, uscc).toBe(
      evaluate({ agency, records }, DEFAULT_METHODOLOGY, asOf).contentHash,
    )
  }
}

describe('sweep', () => {
  const db = useTable()

  it('finds exactly the agencies whose rating is due, and re-rates them', async () => {
    const { store } = db.current
    const { deps, clock } = pipelineDeps(store)
    // Minor complaints that stop counting three months after their date, at 00:00 China time.
    const complaint = (uscc: string, occurredOn: string) =>
      aRecord({
        uscc,
        id: `01KSWEEP${uscc.slice(0, 18)}`,
        kind: 'complaint',
        severity: 'minor',
        outcome: 'upheld',
        violation: undefined,
        occurredOn,
      })
    const dueToday = '91440101MA5TEQT04H'
    const dueYesterday = '91330100716105852F'
    const dueTomorrow = '9144030071526726XG'
    for (const [uscc, date] of [
      [dueToday, '2026-09-04'],
      [dueYesterday, '2026-09-03'],
      [dueTomorrow, '2026-09-05'],
    ] as const) {
      await importClean(store, uscc)
      await store.putRecord(complaint(uscc, date))
    }
    await rateAgencies(deps, [dueToday, dueYesterday, dueTomorrow], new Date('2026-09-10T00:00:00.000Z'))
    // 10:00 CST on 2026-12-04: the complaints of 09-03 and 09-04 have stopped counting; 09-05's has not.
    expect((await findDue(deps, NOW)).sort()).toEqual([dueYesterday, dueToday].sort())
    clock.now = NOW
    const report = await sweep(deps)
    expect(report.written.sort()).toEqual([dueYesterday, dueToday].sort())
    expect(await findDue(deps, NOW)).toEqual([])
    expect((await store.getRating(dueTomorrow))?.score).toBe(980)
  })
})

describe('full re-rate', () => {
  const db = useTable()

  it('rates every agency, resumes from its checkpoint, and writes nothing the second time', async () => {
    const { store } = db.current
    const { deps } = pipelineDeps(store)
    const data = await seedDemo(store, 60)
    const usccs = data.agencies.map((a) => a.uscc)
    const seen: number[] = []
    const first = await rerateAll(deps, NOW, {
      job: 'test-1',
      segments: 3,
      pageSize: 7,
      onProgress: (n) => seen.push(n),
    })
    expect(first).toMatchObject({ handled: 60, failed: [] })
    expect(first.written).toBe(60)
    expect(seen.at(-1)).toBe(60)
    await expectConverged(store, usccs, NOW)

    const resumed = await rerateAll(deps, NOW, { job: 'test-1', segments: 3 })
    expect(resumed).toMatchObject({ handled: 60, written: 0, unchanged: 0 })
    const second = await rerateAll(deps, NOW, { job: 'test-2', segments: 3 })
    expect(second).toMatchObject({ handled: 60, written: 0, unchanged: 60 })
  })

  it('picks up where an interrupted run stopped', async () => {
    const { store } = db.current
    const { deps } = pipelineDeps(store)
    const later = new Date(NOW.getTime() + 86_400_000)
    let pages = 0
    const interrupting: Store = {
      ...store,
      scanRatingInputs: async (...args) => {
        if (++pages === 3) throw new Error('crash')
        return store.scanRatingInputs(...args)
      },
    }
    await expect(
      rerateAll({ ...deps, store: interrupting }, later, {
        job: 'test-3',
        segments: 1,
        pageSize: 10,
        retries: 0,
      }),
    ).rejects.toThrow('crash')
    const checkpoint = await store.getCheckpoint('test-3', 0)
    expect(checkpoint).toMatchObject({ done: false })
    expect(checkpoint?.handled).toBeGreaterThan(0)
    const resumed = await rerateAll(deps, later, { job: 'test-3', segments: 1, pageSize: 10 })
    expect(resumed.handled).toBe(60)
  })
})

describe('faults', () => {
  it('converges under throttling on 30% of DynamoDB calls', async () => {
    const table = await createTestTable()
    try {
      const data = await seedDemo(table.store, 40, 11)
      // The SDK's own retry policy with short waits, so the test is quick; the policy is what is tested.
      const clients = createClients(table.endpoint, {
        retryStrategy: new ConfiguredRetryStrategy(5, (attempt) => 5 * attempt),
      })
      const faults = injectThrottling(clients.client, 0.3)
      const store = createStore({ documentClient: clients.documentClient, tableName: table.tableName })
      const { deps } = pipelineDeps(store)
      const report = await rerateAll(deps, NOW, { job: 'throttled', segments: 2, pageSize: 10 })
      expect(faults.injected()).toBeGreaterThan(20)
      expect(report).toMatchObject({ handled: 40, failed: [] })
      await expectConverged(
        table.store,
        data.agencies.map((a) => a.uscc),
        NOW,
      )
      for (const a of data.agencies)
        expect((await table.store.listRatingHistory(a.uscc)).items).toHaveLength(1)
    } finally {
      await table.drop()
    }
  }, 60_000)

  it('converges after a crash right after the rating transaction, without losing or duplicating history', async () => {
    const table = await createTestTable()
    try {
      const uscc = '91440101MA5TEQT04H'
      await importClean(table.store, uscc)
      let crashes = 0
      const crashing: Store = {
        ...table.store,
        saveRating: async (save) => {
          await table.store.saveRating(save)
          if (crashes++ === 0) throw new Error('process died after the write')
        },
      }
      const { deps } = pipelineDeps(crashing)
      await expect(rateAgency(deps, uscc, NOW)).rejects.toThrow('process died')
      expect(await rateAgency({ ...deps, store: table.store }, uscc, NOW)).toBe('unchanged')
      expect((await table.store.listRatingHistory(uscc)).items).toHaveLength(1)
      expect(await table.store.listAudit(uscc)).toHaveLength(1)
    } finally {
      await table.drop()
    }
  })

  it('converges after a crash just before the rating transaction', async () => {
    const table = await createTestTable()
    try {
      const uscc = '91440101MA5TEQT04H'
      await importClean(table.store, uscc)
      const crashing: Store = {
        ...table.store,
        saveRating: async () => {
          throw new Error('process died before the write')
        },
      }
      const { deps } = pipelineDeps(crashing)
      await expect(rateAgency(deps, uscc, NOW)).rejects.toThrow('process died')
      expect(await table.store.getRating(uscc)).toBeUndefined()
      expect(await rateAgency({ ...deps, store: table.store }, uscc, NOW)).toBe('written')
      expect((await table.store.listRatingHistory(uscc)).items).toHaveLength(1)
    } finally {
      await table.drop()
    }
  })
})
