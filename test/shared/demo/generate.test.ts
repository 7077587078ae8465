import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RECORD_KINDS } from '../../../shared/agency/vocabulary.js'
import { generateDemoData } from '../../../shared/demo/generate.js'
import { CITIES } from '../../../shared/identity/regions.js'
import { parseUscc } from '../../../shared/identity/uscc.js'
import { demoDataProblems, HR_PERMIT_NUMBER } from './check-demo-data.js'

const AS_OF = '2026-12-04'
const LARGE = { agencies: 2000, seed: 20261204, asOf: AS_OF }
const large = generateDemoData(LARGE)

const negativeAgencies = (severity?: string) =>
  new Set(
    large.records
      .filter((r) => r.severity !== undefined && (severity === undefined || r.severity === severity))
      .map((r) => r.uscc),
  )

describe('generateDemoData', () => {
  it('gives byte-identical output for the same options', () => {
    const options = { agencies: 300, seed: 7, asOf: AS_OF }
    expect(JSON.stringify(generateDemoData(options))).toBe(JSON.stringify(generateDemoData({ ...options })))
  })

  it('gives different output for a different seed', () => {
    const a = generateDemoData({ agencies: 50, seed: 7, asOf: AS_OF })
    const b = generateDemoData({ agencies: 50, seed: 8, asOf: AS_OF })
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b))
  })

  it('makes exactly the number of agencies asked for', () => {
    expect(large.agencies).toHaveLength(2000)
    expect(generateDemoData({ agencies: 0, seed: 1, asOf: AS_OF })).toEqual({ agencies: [], records: [] })
  })

  it('gives every agency a valid, unique USCC and a unique name', () => {
    const usccs = large.agencies.map((a) => a.uscc)
    expect(usccs.filter((u) => !parseUscc(u).ok)).toEqual([])
    expect(new Set(usccs).size).toBe(usccs.length)
    const names = large.agencies.map((a) => a.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('satisfies every data rule (dates, workflow, permits, order)', () => {
    expect(demoDataProblems(large, AS_OF)).toEqual([])
  })

  it('keeps most agencies clean and a tail with serious records', () => {
    const total = large.agencies.length
    expect(1 - negativeAgencies().size / total).toBeGreaterThan(0.6)
    expect(negativeAgencies('serious').size / total).toBeGreaterThanOrEqual(0.01)
  })

  it('uses every record kind at least once', () => {
    const kinds = new Set(large.records.map((r) => r.kind))
    expect(RECORD_KINDS.filter((kind) => !kinds.has(kind))).toEqual([])
  })

  it('dates every record between its agency founding and the as-of date', () => {
    const founded = new Map(large.agencies.map((a) => [a.uscc, a.foundedOn]))
    const outside = large.records.filter((r) => {
      const foundedOn = founded.get(r.uscc)
      return foundedOn === undefined || r.occurredOn < foundedOn || r.occurredOn > AS_OF
    })
    expect(outside).toEqual([])
  })

  it('registers agencies and records in CITIES', () => {
    const regions = [...large.agencies.map((a) => a.region), ...large.records.map((r) => r.region)]
    expect(regions.filter((code) => !(code in CITIES))).toEqual([])
  })

  it('numbers HR permits in the provincial format', () => {
    const hrPermits = large.agencies.flatMap((a) => a.permits).filter((p) => p.kind !== 'dispatch_licence')
    expect(hrPermits.length).toBeGreaterThan(1000)
    expect(hrPermits.map((p) => p.number).filter((n) => !HR_PERMIT_NUMBER.test(n))).toEqual([])
  })

  it('marks everything as demo data', () => {
    expect([...large.agencies, ...large.records].filter((item) => item.demo !== true)).toEqual([])
  })

  it('stamps agencies as refreshed at 02:00 CST on the as-of date', () => {
    expect(new Set(large.agencies.map((a) => a.updatedAt))).toEqual(new Set(['2026-12-03T18:00:00.000Z']))
  })

  it('has realistic shares of sectors, statuses, new and permit-less agencies', () => {
    const share = (predicate: (a: (typeof large.agencies)[number]) => boolean) =>
      large.agencies.filter(predicate).length / large.agencies.length
    expect(share((a) => a.sector === 'public')).toBeGreaterThan(0.01)
    expect(share((a) => a.sector === 'public')).toBeLessThan(0.06)
    expect(share((a) => a.status === 'deregistered')).toBeGreaterThan(0.005)
    expect(share((a) => a.status === 'deregistered')).toBeLessThan(0.05)
    expect(share((a) => a.foundedOn > '2025-12-04')).toBeGreaterThan(0.02)
    expect(share((a) => a.foundedOn > '2025-12-04')).toBeLessThan(0.08)
    expect(share((a) => a.sector === 'commercial' && a.permits.length === 0)).toBeGreaterThan(0)
    expect(share((a) => a.sector === 'commercial' && a.permits.length === 0)).toBeLessThan(0.03)
    expect(share((a) => a.permits.some((p) => p.status === 'expired'))).toBeGreaterThan(0)
  })

  it('gives dispatch firms a dispatch licence and placement agencies an HR licence', () => {
    const holds = (kind: string) => large.agencies.filter((a) => a.permits.some((p) => p.kind === kind))
    expect(holds('dispatch_licence').every((a) => a.serviceTypes.includes('dispatch'))).toBe(true)
    expect(holds('hr_licence').every((a) => a.serviceTypes.some((s) => s !== 'dispatch'))).toBe(true)
    const commercialPlacement = large.agencies.filter(
      (a) => a.sector === 'commercial' && a.serviceTypes.includes('placement') && a.permits.length > 0,
    )
    expect(commercialPlacement.every((a) => a.permits.some((p) => p.kind === 'hr_licence'))).toBe(true)
  })

  it('gives online-recruitment violations only to online recruiters, and a finding to every failed inspection', () => {
    const online = new Set(
      large.agencies.filter((a) => a.serviceTypes.includes('online_recruitment')).map((a) => a.uscc),
    )
    const onlineOnly = ['online_licence_not_displayed', 'employer_not_verified', 'stale_postings']
    const onlineFindings = large.records.filter((r) => onlineOnly.includes(r.violation ?? ''))
    expect(onlineFindings.length).toBeGreaterThan(0)
    expect(onlineFindings.filter((r) => !online.has(r.uscc))).toEqual([])
    const failed = large.records.filter(
      (r) => r.kind === 'inspection' && r.outcome === 'rectification_ordered',
    )
    expect(failed.filter((r) => r.violation === undefined)).toEqual([])
  })

  it('gives every honour its level', () => {
    const levels = new Set(large.records.filter((r) => r.kind === 'honour').map((r) => r.outcome))
    expect([...levels].sort()).toEqual(['municipal', 'national', 'provincial'])
  })

  it('rejects a malformed as-of date or agency count', () => {
    expect(() => generateDemoData({ agencies: 1, seed: 1, asOf: '2026-02-30' })).toThrow(RangeError)
    expect(() => generateDemoData({ agencies: -1, seed: 1, asOf: AS_OF })).toThrow(RangeError)
    expect(() => generateDemoData({ agencies: 1.5, seed: 1, asOf: AS_OF })).toThrow(RangeError)
  })

  it('is valid for any small size, seed and as-of date (property)', () => {
    const asOf = fc
      .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
      .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer(), asOf, (agencies, seed, date) => {
        const data = generateDemoData({ agencies, seed, asOf: date })
        expect(data.agencies).toHaveLength(agencies)
        expect(demoDataProblems(data, date)).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})
