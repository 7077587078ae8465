/**
 * The ldt3002@0.1.0 methodology as a table: each row is a situation, the grade it gets and the
 * total (points, base + bonus). These read like the policy; a change in policy changes a row.
 */
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../shared/rating/evaluate.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import { AS_OF, clean, DISPATCH_LICENCE, HR_LICENCE } from '../../fixtures/rating.js'

const rate = (build: ReturnType<typeof clean>, asOf = AS_OF) =>
  evaluate(build.input, DEFAULT_METHODOLOGY, asOf)
const total = (build: ReturnType<typeof clean>) => (rate(build).score?.total ?? Number.NaN) / 10

describe('grades', () => {
  it.each([
    { name: 'clean record, licence valid, seven years operating', build: clean(), grade: 'B', total: 100 },
    {
      name: 'clean with two passed inspections',
      build: clean().withInspection('2026-03-01').withInspection('2025-09-01'),
      grade: 'A',
      total: 104,
    },
    {
      name: 'clean with a provincial honour',
      build: clean().withHonour('provincial', '2025-05-01'),
      grade: 'A+',
      total: 106,
    },
    {
      name: 'clean with a municipal honour',
      build: clean().withHonour('municipal', '2025-05-01'),
      grade: 'A',
      total: 103,
    },
    {
      name: 'one upheld minor complaint inside its 3-month window',
      build: clean().withComplaint('2026-10-01'),
      grade: 'B',
      total: 98,
    },
    {
      name: 'a minor penalty (warning)',
      build: clean().withPenalty('minor', '2026-11-01'),
      grade: 'B',
      total: 96,
    },
    {
      name: 'a general penalty inside its 12-month window',
      build: clean().withPenalty('general', '2026-01-10'),
      grade: 'B',
      total: 90,
    },
    {
      name: 'a serious penalty from the market regulator inside 36 months',
      build: clean().withMarketPenalty('serious', '2024-12-10'),
      grade: 'C',
      total: 80,
    },
    {
      name: 'two serious market penalties',
      build: clean().withMarketPenalty('serious', '2024-12-10').withMarketPenalty('serious', '2025-02-01'),
      grade: 'C',
      total: 70,
    },
    {
      name: 'a repaired general penalty',
      build: clean().withPenalty('general', '2026-01-10', { status: 'repaired' }),
      grade: 'B',
      total: 100,
    },
    {
      name: 'a withdrawn serious penalty',
      build: clean().withPenalty('serious', '2026-01-10', { status: 'withdrawn' }),
      grade: 'B',
      total: 100,
    },
    {
      name: 'a pending general penalty (not yet approved)',
      build: clean().withPenalty('general', '2026-11-20', { status: 'pending' }),
      grade: 'B',
      total: 100,
    },
    {
      name: 'a rejected general penalty',
      build: clean().withPenalty('general', '2026-11-20', { status: 'rejected' }),
      grade: 'B',
      total: 100,
    },
  ])('rates "$name" as $grade ($total points)', ({ build, grade, total: points }) => {
    expect(rate(build).grade).toBe(grade)
    expect(total(build)).toBe(points)
  })
})

describe('publicity windows (minor 3, general 12, serious 36 months from the decision date, CST)', () => {
  it.each([
    { severity: 'minor', inside: '2026-09-05', outside: '2026-09-04' },
    { severity: 'general', inside: '2025-12-05', outside: '2025-12-04' },
    { severity: 'serious', inside: '2023-12-05', outside: '2023-12-04' },
  ] as const)(
    'a $severity record dated $inside counts; one dated $outside no longer does',
    ({ severity, inside, outside }) => {
      const within = rate(clean().withMarketPenalty(severity, inside))
      const after = rate(clean().withMarketPenalty(severity, outside))
      expect(within.score?.total).toBeLessThan(1000)
      expect(within.records.some((r) => r.kind === 'penalty')).toBe(true)
      expect(after.score?.total).toBe(1000)
      expect(after.records.some((r) => r.kind === 'penalty')).toBe(false)
    },
  )

  it('stops counting at 00:00 China time on the anniversary, shown as the day before', () => {
    const build = clean().withPenalty('general', '2026-01-10')
    const rating = rate(build)
    const record = rating.records.find((r) => r.kind === 'penalty')
    expect(record?.countsUntil).toBe('2027-01-09T16:00:00.000Z')
    expect(rating.dimensions[1]?.indicators[1]?.findings[0]?.sentence.en).toContain('counts until 2027-01-09')
    expect(rate(build, new Date('2027-01-09T15:59:59.999Z')).score?.total).toBe(900)
    expect(rate(build, new Date('2027-01-09T16:00:00.000Z')).score?.total).toBe(1000)
  })
})

describe('vetoes force D', () => {
  it.each([
    { name: 'no HR licence for placement', build: clean().permits(), veto: 'V1' },
    {
      name: 'a revoked HR licence',
      build: clean().permits({ ...HR_LICENCE, status: 'revoked' }),
      veto: 'V1',
    },
    {
      name: 'labour dispatch without a dispatch licence',
      build: clean().services('dispatch').permits(HR_LICENCE),
      veto: 'V1',
    },
    {
      name: 'an expired dispatch licence',
      build: clean()
        .services('dispatch')
        .permits(HR_LICENCE, { ...DISPATCH_LICENCE, validUntil: '2026-12-03' }),
      veto: 'V1',
    },
    { name: 'an annual report not filed', build: clean().withAnnualReport(2025, 'missing'), veto: 'V2' },
    {
      name: 'a criminal penalty of the person in charge',
      build: clean().withRecord({ kind: 'criminal_penalty', severity: 'serious', occurredOn: '2025-05-01' }),
      veto: 'V3',
    },
    { name: 'a serious HRSS penalty', build: clean().withPenalty('serious', '2025-05-01'), veto: 'V4' },
    {
      name: 'a discriminatory posting, even a minor one',
      build: clean().withPenalty('minor', '2026-11-01', { violation: 'discriminatory_posting' }),
      veto: 'V5',
    },
    {
      name: 'listed as seriously dishonest',
      build: clean().withRecord({ kind: 'dishonest_list', severity: 'serious', occurredOn: '2025-05-01' }),
      veto: 'V6',
    },
    {
      name: 'a licence revocation',
      build: clean().withRecord({
        kind: 'licence_revocation',
        severity: 'serious',
        occurredOn: '2025-05-01',
      }),
      veto: 'V7',
    },
  ])('$name → $veto', ({ build, veto }) => {
    const rating = rate(build)
    expect(rating.grade).toBe('D')
    expect(rating.vetoes.map((v) => v.id)).toContain(veto)
    expect(rating.vetoes.every((v) => v.sentence.zh && v.sentence.en)).toBe(true)
  })

  it('lifts when the vetoing record leaves its window', () => {
    const build = clean().withPenalty('minor', '2026-11-01', { violation: 'discriminatory_posting' })
    expect(rate(build, new Date('2027-02-01T00:00:00.000Z')).vetoes).toEqual([])
  })

  it('names the service and the permit that is missing', () => {
    const rating = rate(clean().services('dispatch').permits(HR_LICENCE))
    expect(rating.vetoes[0]?.sentence).toEqual({
      zh: '开展劳务派遣但无有效的劳务派遣经营许可证',
      en: 'Offers Labour dispatch without a valid Labour-dispatch licence',
    })
  })
})

describe('caps hold the grade down while a record is live', () => {
  it('a general record keeps a high scorer out of A+', () => {
    const build = clean()
      .withHonour('national', '2025-05-01')
      .withHonour('provincial', '2025-06-01')
      .withComplaint('2026-10-01', 'general')
    const rating = rate(build)
    expect(rating.score?.total).toBe(1110)
    expect(rating.caps.map((c) => c.id)).toEqual(['C2'])
    expect(rating.grade).toBe('A')
  })
})

describe('not rated (NR), with the reason', () => {
  it.each([
    { name: 'a public employment service agency', build: clean().sector('public'), reason: 'out_of_scope' },
    { name: 'a deregistered agency', build: clean().deregistered(), reason: 'deregistered' },
    { name: 'founded four months ago', build: clean().founded('2026-08-01'), reason: 'too_new' },
    {
      name: 'no regulatory record in two years',
      build: clean()
        .founded('2019-06-01')
        .withoutAnnualReport(2023)
        .withoutAnnualReport(2024)
        .withoutAnnualReport(2025),
      reason: 'insufficient_data',
    },
    {
      name: 'a penalty that affects the grade is under objection',
      build: clean().withPenalty('general', '2026-10-01', { status: 'under_objection' }),
      reason: 'under_review',
    },
  ])('$name → NR ($reason)', ({ build, reason }) => {
    const rating = rate(build)
    expect(rating.grade).toBe('NR')
    expect(rating.notRated?.reason).toBe(reason)
    expect(rating.notRated?.sentence.zh).toBeTruthy()
  })

  it('a public agency has no score at all', () => {
    expect(rate(clean().sector('public')).score).toBeUndefined()
  })

  it('an objection to a record that costs nothing does not hold the grade', () => {
    const build = clean().withInspection('2026-06-01').withRecord({
      kind: 'inspection',
      outcome: 'passed',
      occurredOn: '2026-07-01',
      status: 'under_objection',
    })
    expect(rate(build).grade).toBe('A')
  })
})

describe('annual reports (last three years due by 30 June)', () => {
  it.each([
    { name: 'all filed', build: clean(), lost: 0 },
    {
      name: '2025 filed late, inside its 3-month window',
      build: clean().withAnnualReport(2025, 'late'),
      lost: 10,
      asOf: new Date('2026-08-01T00:00:00.000Z'),
    },
    {
      name: '2025 filed late, window over: it was filed',
      build: clean().withAnnualReport(2025, 'late'),
      lost: 0,
    },
    { name: 'no record for 2024', build: clean().withoutAnnualReport(2024), lost: 10 },
  ])('$name: $lost tenths lost', ({ build, lost, ...rest }) => {
    const asOf = 'asOf' in rest ? rest.asOf : AS_OF
    const indicator = rate(build, asOf).dimensions[0]?.indicators[1]
    expect(indicator?.lost).toBe(lost)
  })

  it('does not ask for years before the agency existed', () => {
    const build = clean()
      .founded('2024-09-01')
      .withAnnualReport(2024, 'filed')
      .withAnnualReport(2025, 'filed')
    const indicator = rate(build).dimensions[0]?.indicators[1]
    expect(indicator?.lost).toBe(0)
    expect(indicator?.findings[0]?.sentence.en).toBe('2023: before the agency was founded, no report due')
  })

  it('moves to the next year when 30 June passes', () => {
    const rating = rate(clean(), new Date('2027-07-01T00:00:00.000Z'))
    expect(rating.dimensions[0]?.indicators[1]?.findings.map((f) => f.sentence.en)).toEqual([
      '2024 annual report filed on time',
      '2025 annual report filed on time',
      'No record of the 2026 annual report: 1 points lost as unknown',
    ])
  })
})

describe('online recruitment duties (人社部令第44号, LD/T 3001-2023)', () => {
  it('judge an online recruiter on its home-page licence, employer review and current postings', () => {
    const build = clean()
      .services('online_recruitment')
      .withInspection('2026-10-01', 'online_licence_not_displayed')
      .withPenalty('general', '2026-05-01', { violation: 'stale_postings' })
    const online = rate(build).dimensions[2]?.indicators.find((i) => i.id === 'I3.3')
    expect(online).toMatchObject({ applicable: true, lost: 50 })
    expect(online?.findings).toHaveLength(2)
  })

  it('do not apply to an agency without online recruitment', () => {
    const online = rate(clean()).dimensions[2]?.indicators.find((i) => i.id === 'I3.3')
    expect(online).toMatchObject({ applicable: false, earned: 50, lost: 0 })
    expect(online?.sentence.en).toBe('Offers no online recruitment: not applicable')
  })
})

describe('bonus', () => {
  it('is capped at 20 points however many honours', () => {
    const build = clean()
      .withHonour('national', '2025-01-01')
      .withHonour('provincial', '2025-06-01')
      .withHonour('municipal', '2026-01-01')
      .withInspection('2025-06-01')
      .withInspection('2026-01-01')
      .withInspection('2026-06-01')
    const rating = rate(build)
    expect(rating.bonus?.uncapped).toBe(220)
    expect(rating.score).toMatchObject({ base: 1000, bonus: 200, total: 1200 })
    expect(rating.grade).toBe('A+')
  })

  it('counts an honour for three years', () => {
    const build = clean().withHonour('municipal', '2023-12-05')
    expect(rate(build).score?.bonus).toBe(30)
    expect(rate(build, new Date('2026-12-05T00:00:00.000Z')).score?.bonus).toBe(0)
  })
})

describe('recovery calendar', () => {
  it('says when each live negative record stops counting and the grade then', () => {
    const rating = rate(clean().withPenalty('general', '2026-01-10').withComplaint('2026-11-01'))
    expect(
      rating.recovery.map(({ countsUntil, grade, total: t }) => ({ countsUntil, grade, total: t })),
    ).toEqual([
      { countsUntil: '2027-01-09T16:00:00.000Z', grade: 'B', total: 980 },
      { countsUntil: '2027-01-31T16:00:00.000Z', grade: 'B', total: 1000 },
    ])
  })
})
