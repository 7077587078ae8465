import { DescribeTimeToLiveCommand, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { describe, expect, it } from 'vitest'
import { AUDIT_GENESIS, nextAuditEvent } from '../../../shared/audit/chain.js'
import { pack } from '../../../shared/store/bulk.js'
import {
  AlreadyExistsError,
  ChainBrokenError,
  InvalidCursorError,
  RatingConflictError,
  ReplayError,
  VersionConflictError,
} from '../../../shared/store/errors.js'
import { anAgency, aRating, aRecord, USCC_A, USCC_B } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'

const USCC_C = '91350100M000100Y43'

describe('agency profile', () => {
  const db = useTable()

  it('round-trips through DynamoDB Local under AGENCY#<uscc> / PROFILE', async () => {
    const agency = anAgency()
    await db.current.store.putAgency(agency)
    expect(await db.current.store.getAgency(USCC_A)).toEqual(agency)
    const raw = await db.current.documentClient.send(
      new GetCommand({ TableName: db.current.tableName, Key: { pk: `AGENCY#${USCC_A}`, sk: 'PROFILE' } }),
    )
    expect(raw.Item?.name).toBe(agency.name)
  })

  it('refuses to create an agency that exists with other content, and leaves it unchanged', async () => {
    const { store } = db.current
    await store.putAgency(anAgency({ uscc: USCC_B }))
    await expect(store.putAgency(anAgency({ uscc: USCC_B, name: 'overwritten' }))).rejects.toBeInstanceOf(
      AlreadyExistsError,
    )
    expect((await store.getAgency(USCC_B))?.name).toBe(anAgency().name)
  })

  it('treats a retried write that already landed as success (same content)', async () => {
    const { store } = db.current
    const agency = anAgency({ uscc: USCC_C })
    await store.putAgency(agency)
    await expect(store.putAgency(agency)).resolves.toBeUndefined()
    await store.putAgency({ ...agency, version: 2, name: '新名称' })
    await expect(store.putAgency({ ...agency, version: 2, name: '新名称' })).resolves.toBeUndefined()
  })

  it('updates only from the current version', async () => {
    const { store } = db.current
    await expect(
      store.putAgency(anAgency({ uscc: USCC_C, version: 2, name: 'stale writer' })),
    ).rejects.toBeInstanceOf(VersionConflictError)
    expect(await store.getAgency(USCC_C)).toMatchObject({ version: 2, name: '新名称' })
  })

  it('returns undefined for an unknown agency', async () => {
    expect(await db.current.store.getAgency('9144030071526726XG')).toBeUndefined()
  })
})

describe('credit records', () => {
  const db = useTable()

  it('round-trip and list oldest first', async () => {
    const { store } = db.current
    const later = aRecord({ occurredOn: '2026-01-10', id: '01KEZ0000000000000000000B1' })
    const earlier = aRecord()
    await store.putRecord(later)
    await store.putRecord(earlier)
    expect(await store.getRecord(USCC_A, earlier.occurredOn, earlier.id)).toEqual(earlier)
    expect((await store.listRecords(USCC_A)).map((r) => r.id)).toEqual([earlier.id, later.id])
  })

  it('refuse an overwrite of an existing record with other content', async () => {
    const { store } = db.current
    const record = aRecord({ uscc: USCC_B })
    await store.putRecord(record)
    await expect(store.putRecord({ ...record, fineYuan: 1 })).rejects.toBeInstanceOf(AlreadyExistsError)
    expect((await store.getRecord(USCC_B, record.occurredOn, record.id))?.fineYuan).toBe(20000)
  })

  it('sit in the approval queue only while pending, narrowed by region prefix', async () => {
    const { store } = db.current
    const pendingGz = aRecord({
      uscc: USCC_C,
      id: '01KEZ0000000000000000000P1',
      status: 'pending',
      submitted: { officerId: 'gz-001', at: '2026-12-01T01:00:00.000Z' },
    })
    const pendingHz = aRecord({
      uscc: USCC_B,
      region: '330100',
      id: '01KEZ0000000000000000000P2',
      status: 'pending',
      submitted: { officerId: 'hz-001', at: '2026-12-01T00:00:00.000Z' },
    })
    await store.putRecord(pendingGz)
    await store.putRecord(pendingHz)
    expect((await store.listPendingRecords('')).items.map((r) => r.id)).toEqual([pendingHz.id, pendingGz.id])
    expect((await store.listPendingRecords('44')).items.map((r) => r.id)).toEqual([pendingGz.id])
    expect((await store.listPendingRecords('4401')).items.map((r) => r.id)).toEqual([pendingGz.id])
    expect((await store.listPendingRecords('31')).items).toEqual([])

    await store.putRecord({ ...pendingGz, status: 'effective', version: 2 })
    expect((await store.listPendingRecords('44')).items).toEqual([])
  })
})

describe('current rating', () => {
  const db = useTable()

  it('round-trips and is replaced by the next computation', async () => {
    const { store } = db.current
    await store.saveRating({ rating: aRating(), readRevision: undefined })
    await store.saveRating({ rating: aRating({ grade: 'B', score: 760, revision: 2 }), readRevision: 1 })
    expect(await store.getRating(USCC_A)).toEqual(aRating({ grade: 'B', score: 760, revision: 2 }))
  })

  it('is listed by grade, narrowed to a province or city', async () => {
    const { store } = db.current
    await store.saveRating({
      rating: aRating({
        uscc: USCC_B,
        region: '330100',
        name: '杭州',
        grade: 'B',
        validUntil: '2027-05-01T00:00:00.000Z',
      }),
      readRevision: undefined,
    })
    expect((await store.listRatingsByGrade('B')).items.map((r) => r.uscc)).toEqual([USCC_B, USCC_A])
    expect((await store.listRatingsByGrade('B', '44')).items.map((r) => r.uscc)).toEqual([USCC_A])
    expect((await store.listRatingsByGrade('A')).items).toEqual([])
  })

  it('is listed on the China-time day it falls due', async () => {
    const { store } = db.current
    // 16:00Z on 1 March is 00:00 on 2 March in Beijing.
    expect((await store.listRatingsDueOn('2027-03-02')).items.map((r) => r.uscc)).toEqual([USCC_A])
    expect((await store.listRatingsDueOn('2027-03-01')).items).toEqual([])
    await store.saveRating({
      rating: aRating({
        grade: 'B',
        score: 760,
        validUntil: undefined,
        revision: 3,
        contentHash: 'sha256:cc',
      }),
      readRevision: 2,
    })
    expect((await store.listRatingsDueOn('2027-03-02')).items).toEqual([])
  })

  it('pages with an opaque cursor that works only on the list that issued it', async () => {
    const { store } = db.current
    const first = await store.listRatingsByGrade('B', '', { limit: 1 })
    expect(first.items).toHaveLength(1)
    expect(first.next).toBeTypeOf('string')
    const second = await store.listRatingsByGrade('B', '', { limit: 1, cursor: first.next })
    expect(second.items.map((r) => r.uscc)).not.toEqual(first.items.map((r) => r.uscc))
    await expect(store.listRatingsByGrade('A', '', { cursor: first.next })).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
    await expect(store.listPendingRecords('', { cursor: first.next })).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
    const forged = Buffer.from(JSON.stringify({ s: 'byGrade|GRADE#B|', k: { name: 'x' } })).toString(
      'base64url',
    )
    await expect(store.listRatingsByGrade('B', '', { cursor: forged })).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
    await expect(store.listRatingsByGrade('B', '', { cursor: '%%%' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
  })
})

describe('saving a rating', () => {
  const db = useTable()

  it('refuses a write based on a revision that is no longer current, and changes nothing', async () => {
    const { store } = db.current
    await store.saveRating({ rating: aRating(), readRevision: undefined })
    await store.saveRating({
      rating: aRating({ grade: 'B', revision: 2, contentHash: 'sha256:b' }),
      readRevision: 1,
    })
    await expect(
      store.saveRating({
        rating: aRating({ grade: 'C', revision: 2, contentHash: 'sha256:c' }),
        readRevision: 1,
      }),
    ).rejects.toBeInstanceOf(RatingConflictError)
    await expect(
      store.saveRating({ rating: aRating({ grade: 'D', contentHash: 'sha256:d' }), readRevision: undefined }),
    ).rejects.toBeInstanceOf(RatingConflictError)
    expect(await store.getRating(USCC_A)).toMatchObject({ grade: 'B', revision: 2 })
  })

  it('writes the history entry and the audit event with the rating, or none of them', async () => {
    const { store } = db.current
    const history = {
      uscc: USCC_B,
      computedAt: '2026-12-04T02:00:00.000Z',
      revision: 1,
      grade: 'A' as const,
      score: 1040,
      methodology: { id: 'ldt3002', version: '0.1.0' },
      contentHash: 'sha256:x',
    }
    const audit = nextAuditEvent(undefined, {
      uscc: USCC_B,
      at: history.computedAt,
      actor: 'system:rate',
      action: 'rating.changed',
      subject: 'RATING#CURRENT',
      detail: { grade: 'A' },
    })
    await expect(
      store.saveRating({
        rating: aRating({ uscc: USCC_B }),
        readRevision: undefined,
        history,
        audit: { ...audit, seq: 2 },
      }),
    ).rejects.toBeInstanceOf(RatingConflictError)
    expect(await store.getRating(USCC_B)).toBeUndefined()
    expect((await store.listRatingHistory(USCC_B)).items).toEqual([])
    await store.saveRating({ rating: aRating({ uscc: USCC_B }), readRevision: undefined, history, audit })
    expect((await store.listRatingHistory(USCC_B)).items).toHaveLength(1)
    expect(await store.listAudit(USCC_B)).toHaveLength(1)
  })
})

describe('rating history', () => {
  const db = useTable()

  it('lists grade changes newest first, apart from the current rating, two changes in one instant included', async () => {
    const { store } = db.current
    const entry = (revision: number, computedAt: string, grade: 'A' | 'B') => ({
      uscc: USCC_A,
      computedAt,
      revision,
      grade,
      score: 905,
      methodology: { id: 'ldt3002', version: '0.1.0' },
      contentHash: `h${revision}`,
    })
    const at = '2026-06-01T00:00:00.000Z'
    await store.saveRating({
      rating: aRating({ contentHash: 'h1' }),
      readRevision: undefined,
      history: entry(1, '2026-01-01T00:00:00.000Z', 'A'),
    })
    await store.saveRating({
      rating: aRating({ revision: 2, contentHash: 'h2' }),
      readRevision: 1,
      history: entry(2, at, 'B'),
    })
    await store.saveRating({
      rating: aRating({ revision: 3, contentHash: 'h3' }),
      readRevision: 2,
      history: entry(3, at, 'A'),
    })
    const { items } = await store.listRatingHistory(USCC_A)
    expect(items.map((h) => h.contentHash)).toEqual(['h3', 'h2', 'h1'])
  })
})

describe('objections', () => {
  const db = useTable()
  const objection = {
    uscc: USCC_A,
    id: '01KEZ0000000000000000000O1',
    recordId: aRecord().id,
    statement: '处罚已撤销',
    region: '440100',
    status: 'open' as const,
    filedAt: '2026-12-02T00:00:00.000Z',
    version: 1,
  }

  it('round-trip and sit in the queue while open', async () => {
    const { store } = db.current
    await store.putObjection(objection)
    expect(await store.getObjection(USCC_A, objection.id)).toEqual(objection)
    expect((await store.listOpenObjections('44')).items.map((o) => o.id)).toEqual([objection.id])
    expect((await store.listObjections(USCC_A)).map((o) => o.id)).toEqual([objection.id])
    await store.putObjection({
      ...objection,
      status: 'upheld',
      version: 2,
      resolvedAt: '2026-12-03T00:00:00.000Z',
    })
    expect((await store.listOpenObjections('')).items).toEqual([])
  })
})

describe('audit chain', () => {
  const db = useTable()
  const event = (seq: number, uscc = USCC_A) => ({
    uscc,
    seq,
    at: `2026-12-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
    actor: 'gz-001',
    action: 'record.submit',
    subject: 'RECORD#x',
    detail: { n: seq },
    prevHash: seq === 1 ? AUDIT_GENESIS : `h${seq - 1}`,
    hash: `h${seq}`,
  })

  it('appends in order; a retried append is harmless; a fork is refused', async () => {
    const { store } = db.current
    await store.appendAudit(event(1))
    await store.appendAudit(event(2))
    await store.appendAudit(event(2))
    await expect(store.appendAudit({ ...event(2), hash: 'fork' })).rejects.toBeInstanceOf(AlreadyExistsError)
    expect((await store.listAudit(USCC_A)).map((e) => e.hash)).toEqual(['h1', 'h2'])
  })

  it('refuses gaps, wrong links, a bad first link and impossible seq numbers', async () => {
    const { store } = db.current
    await expect(store.appendAudit(event(5))).rejects.toBeInstanceOf(ChainBrokenError)
    await expect(store.appendAudit({ ...event(3), prevHash: 'not-h2' })).rejects.toBeInstanceOf(
      ChainBrokenError,
    )
    await expect(store.appendAudit({ ...event(1, USCC_B), prevHash: 'anything' })).rejects.toBeInstanceOf(
      ChainBrokenError,
    )
    await expect(store.appendAudit(event(-1, USCC_B))).rejects.toBeInstanceOf(ChainBrokenError)
    expect(await store.listAudit(USCC_B)).toEqual([])
  })

  it('orders seq numerically, not as text', async () => {
    const { store } = db.current
    for (let seq = 3; seq <= 10; seq++) await store.appendAudit(event(seq))
    expect((await store.lastAudit(USCC_A))?.seq).toBe(10)
  })
})

describe('officer keys', () => {
  const db = useTable()
  const key = {
    officerId: 'gz-001',
    kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
    jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' },
    roles: ['maker' as const],
    authority: '广州市人力资源和社会保障局',
    regionScope: '4401',
    status: 'active' as const,
    createdAt: '2026-12-01T00:00:00.000Z',
  }

  it('round-trip, list per officer, and refuse re-registering a kid with other content', async () => {
    const { store } = db.current
    await store.addOfficerKey(key)
    expect(await store.getOfficerKey('gz-001', key.kid)).toEqual(key)
    expect(await store.listOfficerKeys('gz-001')).toEqual([key])
    await expect(store.addOfficerKey({ ...key, roles: ['admin'] })).rejects.toBeInstanceOf(AlreadyExistsError)
  })
})

describe('bulk import', () => {
  const db = useTable()

  it('starts from an empty table, writes each agency with its records past 100 items, and re-runs harmlessly', async () => {
    const { store } = db.current
    expect(await store.isEmpty()).toBe(true)
    const agencies = Array.from({ length: 30 }, (_, i) =>
      anAgency({ uscc: `9144010100000000${String(i).padStart(2, '0')}`, name: `机构${i}` }),
    )
    const records = agencies.flatMap((a, i) =>
      [1, 2, 3, 4].map((n) =>
        aRecord({ uscc: a.uscc, id: `01KEZ00000000000000000${String(i).padStart(2, '0')}R${n}` }),
      ),
    )
    const progress: number[] = []
    await store.importAgencies({ agencies, records }, (done) => progress.push(done))
    expect(progress.at(-1)).toBe(150)
    await store.importAgencies({ agencies, records })
    expect(await store.isEmpty()).toBe(false)
    const last = agencies[29]?.uscc ?? ''
    expect(await store.getAgency(last)).toEqual(agencies[29])
    expect(await store.listRecords(last)).toHaveLength(4)
    const counts = await Promise.all(agencies.map((a) => store.listRecords(a.uscc)))
    expect(counts.flat()).toHaveLength(120)
  })

  it('packs groups whole where they fit and never more than 100 per transaction', () => {
    const group = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`)
    const chunks = pack([group(60, 'a'), group(30, 'b'), group(20, 'c'), group(250, 'd')])
    expect(chunks.map((c) => c.length)).toEqual([90, 20, 100, 100, 50])
    expect(chunks[0]?.at(-1)).toBe('b29')
    expect(chunks.flat()).toHaveLength(360)
  })
})

describe('request nonces', () => {
  const db = useTable()
  const nonce = (value: string) => ({
    nonce: value,
    officerId: 'gz-001',
    usedAt: '2026-12-04T02:00:00.000Z',
    expiresAt: Math.floor(Date.parse('2026-12-04T02:10:00.000Z') / 1000),
  })

  it('are spent once: of 20 concurrent spends of one nonce exactly one succeeds, the rest are replays', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => db.current.store.spendNonce(nonce('n-concurrent-0000000001'))),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ReplayError)
    }
    await expect(db.current.store.spendNonce(nonce('n-concurrent-0000000001'))).rejects.toThrow(ReplayError)
    await db.current.store.spendNonce(nonce('n-another-00000000000001'))
  })

  it('carry the table TTL attribute, so DynamoDB removes them once they cannot be replayed', async () => {
    const ttl = await db.current.client.send(
      new DescribeTimeToLiveCommand({ TableName: db.current.tableName }),
    )
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expiresAt',
      TimeToLiveStatus: 'ENABLED',
    })
    const raw = await db.current.client.send(
      new GetItemCommand({
        TableName: db.current.tableName,
        Key: { pk: { S: 'NONCE#n-another-00000000000001' }, sk: { S: 'NONCE' } },
      }),
    )
    expect(raw.Item?.expiresAt?.N).toBe(String(Math.floor(Date.parse('2026-12-04T02:10:00.000Z') / 1000)))
  })
})
