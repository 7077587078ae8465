/** Bench data: demo agencies topped up to about N records each with copies of other agencies' records. */
import type { Agency, CreditRecord } from '../shared/agency/types.js'
import { generateDemoData } from '../shared/demo/generate.js'

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** `agencies` demo agencies with about `perAgency` records each, records sorted by (occurredOn, id). */
export function benchData(agencies: number, perAgency: number, seed = 3002) {
  const data = generateDemoData({ agencies, seed, asOf: '2026-12-04' })
  const byAgency = new Map<string, CreditRecord[]>()
  for (const r of data.records) byAgency.set(r.uscc, [...(byAgency.get(r.uscc) ?? []), r])
  let donor = 0
  const out: { agency: Agency; records: CreditRecord[] }[] = data.agencies.map((agency, i) => {
    const records = [...(byAgency.get(agency.uscc) ?? [])]
    // An agency founded last week has nothing to borrow: give up after a while.
    for (let tries = 0; records.length < perAgency && tries < 1000; tries++) {
      const copy = data.records[donor++ % data.records.length] as CreditRecord
      if (copy.occurredOn < agency.foundedOn) continue
      const id = `${copy.id.slice(0, 16)}${String(i).padStart(8, '0')}${String(records.length).padStart(2, '0')}`
      records.push({ ...copy, uscc: agency.uscc, region: agency.region, id })
    }
    records.sort((a, b) => compare(a.occurredOn, b.occurredOn) || compare(a.id, b.id))
    return { agency, records }
  })
  return out
}
