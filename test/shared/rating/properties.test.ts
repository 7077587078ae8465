/** Properties of evaluate() that must hold for any agency, any records and any instant. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Label } from '../../../shared/agency/vocabulary.js'
import { canonicalJson } from '../../../shared/canonical/json.js'
import { canonicalInput, canonicalInputJson } from '../../../shared/rating/canonical-input.js'
import { evaluate } from '../../../shared/rating/evaluate.js'
import type { RatingInput, RatingRecord } from '../../../shared/rating/input.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import { addDays, chinaDate } from '../../../shared/time/calendar.js'
import { asOf, input } from '../../fixtures/rating-arbitraries.js'

const rate = (i: RatingInput, at: Date) => evaluate(i, DEFAULT_METHODOLOGY, at)
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) }

/** A record that is live at `at`: effective, dated 0–60 days before (inside even a minor window). */
const liveNegative = (at: Date) =>
  fc
    .record({
      kind: fc.constantFrom('penalty' as const, 'complaint' as const, 'arbitration' as const),
      severity: fc.constantFrom('minor' as const, 'general' as const, 'serious' as const),
      daysAgo: fc.integer({ min: 0, max: 60 }),
      authority: fc.constantFrom('广州市人力资源和社会保障局', '广州市市场监督管理局'),
    })
    .map(
      ({ kind, severity, daysAgo, authority }): RatingRecord => ({
        id: '01KADDED000000000000000001',
        kind,
        severity,
        ...(kind === 'penalty'
          ? { violation: 'false_information' as const }
          : { outcome: kind === 'complaint' ? ('upheld' as const) : ('lost' as const) }),
        occurredOn: addDays(chinaDate(at), -daysAgo),
        status: 'effective',
        authority,
        title: { zh: '新增记录', en: 'Added record' },
      }),
    )

const withRecord = (i: RatingInput, r: RatingRecord): RatingInput => ({ ...i, records: [...i.records, r] })

describe('evaluate (properties)', () => {
  it('adding a live negative record never raises the score', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        fc.pre(i.agency.sector === 'commercial' && i.agency.status === 'operating')
        return fc.assert(
          fc.property(liveNegative(at), (r) => {
            const before = rate(i, at).score?.total ?? 0
            const after = rate(withRecord(i, r), at).score?.total ?? 0
            expect(after).toBeLessThanOrEqual(before)
          }),
          { numRuns: 3 },
        )
      }),
      RUNS,
    )
  })

  it('adding an honour never lowers the score', () => {
    fc.assert(
      fc.property(
        input,
        asOf,
        fc.constantFrom('municipal' as const, 'provincial' as const, 'national' as const),
        (i, at, level) => {
          const honour: RatingRecord = {
            id: '01KHONOUR00000000000000001',
            kind: 'honour',
            outcome: level,
            occurredOn: addDays(chinaDate(at), -30),
            status: 'effective',
            authority: '广州市人力资源和社会保障局',
            title: { zh: '表彰', en: 'Honour' },
          }
          expect(rate(withRecord(i, honour), at).score?.total ?? 0).toBeGreaterThanOrEqual(
            rate(i, at).score?.total ?? 0,
          )
        },
      ),
      RUNS,
    )
  })

  it('any veto gives D, unless the agency is not rated for a reason that comes first', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        const rating = rate(i, at)
        if (rating.vetoes.length === 0) return
        if (rating.notRated) expect(rating.notRated.reason).toBe('under_review')
        else expect(rating.grade).toBe('D')
      }),
      RUNS,
    )
  })

  it('keeps every score within its bounds', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        const { score, dimensions, bonus } = rate(i, at)
        if (!score) return
        expect(score.base).toBeGreaterThanOrEqual(0)
        expect(score.base).toBeLessThanOrEqual(score.maxBase)
        expect(score.bonus).toBeGreaterThanOrEqual(0)
        expect(score.bonus).toBeLessThanOrEqual(score.maxBonus)
        for (const x of [
          ...dimensions,
          ...dimensions.flatMap((d) => d.indicators),
          ...(bonus?.indicators ?? []),
        ]) {
          expect(x.earned).toBeGreaterThanOrEqual(0)
          expect(x.earned).toBeLessThanOrEqual(x.max)
        }
      }),
      RUNS,
    )
  })

  it('gives byte-identical output whatever the order of records, services and permits', () => {
    fc.assert(
      fc.property(input, asOf, fc.integer(), (i, at, seed) => {
        const shuffle = <T>(list: readonly T[]) =>
          fc.sample(fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length }), {
            numRuns: 1,
            seed,
          })[0] ?? []
        const shuffled: RatingInput = {
          agency: {
            ...i.agency,
            serviceTypes: shuffle(i.agency.serviceTypes),
            permits: shuffle(i.agency.permits),
          },
          records: shuffle(i.records),
        }
        expect(JSON.stringify(rate(shuffled, at))).toBe(JSON.stringify(rate(i, at)))
      }),
      RUNS,
    )
  })

  it('is the same just before validUntil as at asOf (validUntil is when it can next change)', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        const now = rate(i, at)
        if (!now.validUntil) return
        const justBefore = rate(i, new Date(Date.parse(now.validUntil) - 1))
        expect(justBefore.contentHash).toBe(now.contentHash)
      }),
      RUNS,
    )
  })

  it('names a record or a rule for every point lost', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        const rating = rate(i, at)
        for (const indicator of rating.dimensions.flatMap((d) => d.indicators)) {
          for (const f of indicator.findings) if (f.points < 0) expect(f.recordId ?? f.rule).toBeTruthy()
          if (indicator.lost > 0) expect(indicator.findings.some((f) => f.points < 0)).toBe(true)
        }
        for (const veto of rating.vetoes) expect(veto.recordIds.length > 0 || veto.id === 'V1').toBe(true)
      }),
      RUNS,
    )
  })

  it('writes every sentence in both languages, with every slot filled', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        for (const label of labels(rate(i, at))) {
          expect(label.zh.length).toBeGreaterThan(0)
          expect(label.en.length).toBeGreaterThan(0)
          expect(`${label.zh}${label.en}`).not.toMatch(/\{\w+\}/)
        }
      }),
      RUNS,
    )
  })

  it('is deterministic: the same inputs give the same bytes and hashes', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        const a = rate(i, at)
        const b = rate(structuredClone(i), new Date(at.getTime()))
        expect(JSON.stringify(b)).toBe(JSON.stringify(a))
        expect(a.inputsHash).toMatch(/^sha256:[0-9a-f]{64}$/)
      }),
      { numRuns: 100 },
    )
  })
})

/** Every { zh, en } object anywhere in a rating. */
function labels(value: unknown, found: Label[] = []): Label[] {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (typeof v.zh === 'string' && typeof v.en === 'string') found.push(v as Label)
    else for (const child of Object.values(v)) labels(child, found)
  }
  return found
}

describe('canonical input', () => {
  it('JSON.stringify of the canonical input is its RFC 8785 canonical JSON', () => {
    fc.assert(
      fc.property(input, (i) => {
        const canonical = canonicalInput(i)
        const ref = { id: DEFAULT_METHODOLOGY.id, version: DEFAULT_METHODOLOGY.version }
        expect(canonicalInputJson(canonical, ref)).toBe(canonicalJson({ ...canonical, methodology: ref }))
      }),
      RUNS,
    )
  })
})

describe('numbers in a rating', () => {
  it('are plain integers, never -0 (which would not survive a JSON round trip)', () => {
    fc.assert(
      fc.property(input, asOf, (i, at) => {
        const rating = rate(i, at)
        expect(JSON.parse(JSON.stringify(rating))).toEqual(rating)
      }),
      RUNS,
    )
  })
})
