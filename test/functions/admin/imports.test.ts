/**
 * Bulk import through the signed admin API, on DynamoDB Local: a batch with any bad row imports
 * nothing and names every bad row; a good batch becomes pending records with an audit event each;
 * sending it again imports nothing twice; replaying the signed batch is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { type OfficerKeyPair, signRequest } from '../../../shared/auth/sign-request.js'
import { contentRecordId } from '../../../shared/records-file/parse.js'
import { anAgency, USCC_A, USCC_B } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'
import { registerOfficer } from '../../fixtures/officers.js'

const NOW = new Date('2026-12-04T02:00:00.000Z')
const db = useTable()
const officers: Record<string, OfficerKeyPair> = {}

beforeAll(async () => {
  await db.current.store.putAgency(anAgency({ uscc: USCC_A, region: '440106' }))
  await db.current.store.putAgency(anAgency({ uscc: USCC_B, region: '330106' }))
  officers['gz-maker'] = await registerOfficer(db.current.store, 'gz-maker', {
    roles: ['maker'],
    regionScope: '4401',
    at: NOW,
  })
  officers['gz-checker'] = await registerOfficer(db.current.store, 'gz-checker', {
    roles: ['checker'],
    regionScope: '4401',
    at: NOW,
  })
})

const row = (day: number, uscc = USCC_A) => {
  const content = {
    uscc,
    occurredOn: `2026-11-${String(day).padStart(2, '0')}`,
    kind: 'complaint' as const,
    outcome: 'upheld' as const,
    severity: 'minor' as const,
    title: { zh: `投诉属实 ${day}`, en: `Complaint upheld ${day}` },
    authority: '广州市人力资源和社会保障局',
    source: { name: '12333' },
  }
  return { ...content, id: contentRecordId(content) }
}

async function send(officer: string, body: unknown, jws?: string) {
  const path = '/v1/admin/imports'
  const text = JSON.stringify(body)
  const signature =
    jws ??
    (await signRequest(
      officers[officer] as OfficerKeyPair,
      { method: 'POST', path, body: text },
      NOW.getTime(),
    ))
  const res = await createAdminApp({ store: db.current.store, now: () => NOW }).request(path, {
    method: 'POST',
    headers: { Authorization: `Chengxin-JWS ${signature}` },
    body: text,
  })
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in the assertions
  return { status: res.status, body: (await res.json()) as Record<string, any>, jws: signature }
}
const written = async () => ({
  records: (await db.current.store.listRecords(USCC_A)).length,
  audit: (await db.current.store.listAudit(USCC_A)).length,
})

describe('bulk import', () => {
  it('refuses the whole batch when any row is bad, naming each one, and writes nothing', async () => {
    const rows = [row(1), row(2, USCC_B), row(3), row(3), { ...row(4), uscc: '91440101MA5TEQT04X' }]
    const answer = await send('gz-maker', { records: rows })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toMatch(/^records\.4\.uscc/)
    const valid = await send('gz-maker', { records: rows.slice(0, 4) })
    expect(valid).toMatchObject({
      status: 422,
      body: {
        error: 'invalid_rows',
        rows: [
          { index: 1, error: 'out_of_region' },
          { index: 3, error: 'duplicate_row' },
        ],
      },
    })
    expect(await send('gz-checker', { records: [row(1)] })).toMatchObject({
      status: 403,
      body: { error: 'forbidden_role' },
    })
    expect(await written()).toEqual({ records: 0, audit: 0 })
  })

  it('a dry run checks and writes nothing; the real run makes pending records, each audited', async () => {
    const rows = [row(5), row(6), row(7)]
    expect(await send('gz-maker', { records: rows, dryRun: true })).toMatchObject({
      status: 200,
      body: { dryRun: true, valid: 3, alreadyPresent: 0 },
    })
    expect(await written()).toEqual({ records: 0, audit: 0 })
    const first = await send('gz-maker', { records: rows })
    expect(first).toMatchObject({ status: 201, body: { imported: 3, alreadyPresent: 0 } })
    const records = await db.current.store.listRecords(USCC_A)
    expect(records.map((r) => [r.id, r.status, r.submitted.officerId])).toEqual(
      rows.map((r) => [r.id, 'pending', 'gz-maker']),
    )
    expect((await db.current.store.listAudit(USCC_A)).map((e) => e.action)).toEqual([
      'record.submitted',
      'record.submitted',
      'record.submitted',
    ])

    // Sent again, signed anew (a retry after a lost answer): nothing twice.
    expect(await send('gz-maker', { records: [...rows, row(8)] })).toMatchObject({
      status: 201,
      body: { imported: 1, alreadyPresent: 3 },
    })
    expect(await written()).toEqual({ records: 4, audit: 4 })
    // The same signed request replayed: refused before any row.
    expect(await send('gz-maker', { records: [row(9)] }, first.jws)).toMatchObject({ status: 401 })
    const replay = await send('gz-maker', { records: rows }, first.jws)
    expect(replay.status).toBe(401)
    expect(await written()).toEqual({ records: 4, audit: 4 })
  })
})
