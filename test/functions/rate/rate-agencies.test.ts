/** The rating pipeline's core against a real DynamoDB Local: the cache follows the records. */
import { describe, expect, it } from 'vitest'
import { rateAgencies, rateAgency } from '../../../functions/rate/rate-agencies.js'
import { verifyChain } from '../../../shared/audit/chain.js'
import { evaluate } from '../../../shared/rating/evaluate.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import { aRecord } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'
import { cleanAgency, importClean, pipelineDeps } from '../../fixtures/pipeline.js'

const USCC = '91440101MA5TEQT04H'

describe('rateAgency', () => {
  const db = useTable()

  it('moves the cached rating when a record is added, approved, repaired, or leaves its window', async () => {
    const { store } = db.current
    const { deps, clock } = pipelineDeps(store)
    const { agency, records } = cleanAgency(USCC)
    await store.importAgencies({ agencies: [agency], records })
    const grade = async () => {
      await rateAgency(deps, USCC, clock.now)
      const rating = await store.getRating(USCC)
      return `${rating?.grade} ${rating?.score}`
    }
    expect(await grade()).toBe('B 1000')

    const posting = aRecord({
      uscc: USCC,
      id: '01KDISCRIM00000000000000001',
      occurredOn: '2026-11-20',
      severity: 'minor',
      violation: 'discriminatory_posting',
      status: 'pending',
    })
    await store.putRecord(posting)
    expect(await grade()).toBe('B 1000') // pending: not yet approved
    await store.putRecord({ ...posting, status: 'effective', version: 2 })
    expect(await grade()).toBe('D 960') // approved: veto
    await store.putRecord({ ...posting, status: 'repaired', repairedOn: '2026-12-01', version: 3 })
    expect(await grade()).toBe('B 1000') // repaired

    const complaint = aRecord({
      uscc: USCC,
      id: '01KCOMPLAINT000000000000001',
      kind: 'complaint',
      severity: 'minor',
      outcome: 'upheld',
      violation: undefined,
      occurredOn: '2026-09-20',
    })
    await store.putRecord(complaint)
    expect(await grade()).toBe('B 980')
    clock.now = new Date('2026-12-19T16:00:00.000Z') // 3 months after 2026-09-20, China time
    expect(await grade()).toBe('B 1000')

    const history = (await store.listRatingHistory(USCC)).items
    expect(history.map((h) => `${h.grade} ${h.score}`)).toEqual([
      'B 1000',
      'B 980',
      'B 1000',
      'D 960',
      'B 1000',
    ])
    const audit = await store.listAudit(USCC)
    expect(audit).toHaveLength(5)
    expect(verifyChain(audit)).toBeUndefined()
  })

  it('stores exactly what the engine says, and writes nothing when nothing changed', async () => {
    const { store } = db.current
    const { deps } = pipelineDeps(store)
    const uscc = '9144030071526726XG'
    const { agency, records } = await importClean(store, uscc)
    await rateAgency(deps, uscc, deps.now())
    const expected = evaluate({ agency, records }, DEFAULT_METHODOLOGY, deps.now())
    const stored = await store.getRating(uscc)
    expect(stored?.contentHash).toBe(expected.contentHash)
    expect(stored?.basis).toEqual(expected)
    expect(await rateAgency(deps, uscc, new Date(deps.now().getTime() + 1000))).toBe('unchanged')
    expect((await store.getRating(uscc))?.revision).toBe(stored?.revision)
  })

  it('never puts an older computation over a newer one', async () => {
    const { store } = db.current
    const { deps } = pipelineDeps(store)
    const uscc = '914403001922038216'
    await importClean(store, uscc)
    await rateAgency(deps, uscc, deps.now())
    const stored = await store.getRating(uscc)
    expect(await rateAgency(deps, uscc, new Date(deps.now().getTime() - 86_400_000))).toBe('newer')
    expect(await store.getRating(uscc)).toEqual(stored)
  })

  it('lets concurrent runs race without losing or duplicating a change', async () => {
    const { store } = db.current
    const { deps } = pipelineDeps(store)
    const uscc = '91330100716105852F'
    const { agency, records } = cleanAgency(uscc)
    await store.importAgencies({ agencies: [agency], records })
    await Promise.all(Array.from({ length: 6 }, () => rateAgency(deps, uscc, deps.now())))
    expect((await store.getRating(uscc))?.revision).toBe(1)
    expect(await store.listAudit(uscc)).toHaveLength(1)
    expect((await store.listRatingHistory(uscc)).items).toHaveLength(1)
  })

  it('reports a missing agency, and input the engine refuses as a permanent failure, without stopping the rest', async () => {
    const { store, documentClient, tableName } = db.current
    const { deps } = pipelineDeps(store)
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb')
    const broken = '91110108551385082Q'
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: `AGENCY#${broken}`,
          sk: 'PROFILE',
          _et: 'Agency',
          ...cleanAgency(broken).agency,
          uscc: undefined,
          foundedOn: 'someday',
        },
      }),
    )
    const report = await rateAgencies(deps, ['92141127MA0KD1Y64A', broken, USCC], deps.now())
    expect(report.missing).toEqual(['92141127MA0KD1Y64A'])
    expect(report.failed).toMatchObject([{ uscc: broken, permanent: true }])
    expect(report.unchanged + report.newer).toBe(1)
  })
})
