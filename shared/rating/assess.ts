/**
 * The engine's core: one agency, one methodology, one instant. Pure; `evaluate` adds the recovery
 * calendar and the hashes around it.
 */
import { GRADES, type Grade, isInForce } from '../agency/vocabulary.js'
import { cstInstant, monthsAfter, monthsSince } from '../time/calendar.js'
import type { Compiled } from './compile.js'
import { type Context, type Prepared, scoreIndicator } from './indicators.js'
import type { RatingInput } from './input.js'
import type { NotRatedReason } from './methodology-types.js'
import type { CountedRecord, DimensionResult, IndicatorResult, Rating } from './rating-types.js'
import { findCaps, findVetoes } from './vetoes.js'

export type Assessment = Omit<
  Rating,
  'uscc' | 'methodology' | 'asOf' | 'recovery' | 'inputsHash' | 'contentHash' | 'validUntil'
> & {
  /** Earliest instant after `at` the result may change. */
  validUntil?: number
}

/** Rates at one instant. `records` must be sorted by (occurredOn, id). */
export function assess(input: RatingInput, c: Compiled, at: number): Assessment {
  const { agency } = input
  const notRated = (reason: NotRatedReason): Assessment['notRated'] => ({
    reason,
    sentence: c.m.notRated[reason].sentence,
  })
  if (!c.m.eligibility.sectors.includes(agency.sector)) return empty(notRated('out_of_scope'))
  if (agency.status === 'deregistered') return empty(notRated('deregistered'))

  const events: number[] = []
  const records = input.records.map((r) => prepare(r, c, at, events))
  const live = records.filter((p) => p.live)
  const ctx: Context = { c, at, agency, records, live, events }

  const dimensions: DimensionResult[] = c.dimensions.map((d) => {
    const indicators = d.indicators.map((i) => scoreIndicator(i, ctx))
    return { id: d.def.id, name: d.def.name, max: d.max, earned: sum(indicators), indicators }
  })
  const bonusIndicators = c.bonus.map((i) => scoreIndicator(i, ctx))
  const base = dimensions.reduce((total, d) => total + d.earned, 0)
  const uncapped = sum(bonusIndicators)
  const bonus = Math.min(c.bonusCap, uncapped)
  const score = { base, bonus, total: base + bonus, maxBase: sumMax(dimensions), maxBonus: c.bonusCap }
  const vetoes = findVetoes(ctx)
  const caps = findCaps(ctx)
  const all = [...dimensions.flatMap((d) => d.indicators), ...bonusIndicators]

  const months = monthsSince(agency.foundedOn, at)
  if (months < c.minOperatingMonths) events.push(monthsAfter(agency.foundedOn, c.minOperatingMonths))
  const reason = ((): NotRatedReason | undefined => {
    if (underReview(records, all, vetoes, caps)) return 'under_review'
    if (vetoes.length) return undefined
    if (months < c.minOperatingMonths) return 'too_new'
    if (!hasRecentData(records, c, at, events)) return 'insufficient_data'
    return undefined
  })()
  const grade: Grade = reason
    ? 'NR'
    : vetoes.length
      ? 'D'
      : capped(
          scaleGrade(c, score.total),
          caps.map((x) => x.maxGrade),
        )
  const after = events.filter((e) => e > at)
  return {
    grade,
    ...(reason ? { notRated: notRated(reason) } : {}),
    score,
    dimensions,
    bonus: { name: c.m.bonus.name, cap: c.bonusCap, uncapped, indicators: bonusIndicators },
    vetoes,
    caps,
    records: counted(live, all),
    ...(after.length ? { validUntil: Math.min(...after) } : {}),
  }
}

function prepare(r: RatingInput['records'][number], c: Compiled, at: number, events: number[]): Prepared {
  const from = cstInstant(r.occurredOn)
  const months = r.severity ? c.windowMonths[r.severity] : c.positiveWindow(r)
  const until = months === undefined ? undefined : monthsAfter(r.occurredOn, months)
  const counted = isInForce(r.status) && from <= at
  if (isInForce(r.status)) {
    if (from > at) events.push(from)
    if (until !== undefined && until > at) events.push(until)
  }
  const live = counted && (until === undefined || at < until)
  return until === undefined ? { r, counted, live, from } : { r, counted, live, from, until }
}

function empty(notRated: Assessment['notRated']): Assessment {
  return { grade: 'NR', ...(notRated ? { notRated } : {}), dimensions: [], vetoes: [], caps: [], records: [] }
}

const sum = (items: { earned: number }[]) => items.reduce((total, i) => total + i.earned, 0)
const sumMax = (items: { max: number }[]) => items.reduce((total, i) => total + i.max, 0)

/** The best grade whose threshold the total reaches; below the last, D. */
function scaleGrade(c: Compiled, total: number): Grade {
  return c.scale.find((g) => total >= g.minTotal)?.grade ?? 'D'
}

/** The worse of a grade and every cap. */
function capped(grade: Grade, caps: Grade[]): Grade {
  return caps.reduce<Grade>((g, cap) => (GRADES.indexOf(cap) > GRADES.indexOf(g) ? cap : g), grade)
}

/** A record under objection that costs points, vetoes or caps puts the grade on hold. */
function underReview(
  records: Prepared[],
  indicators: IndicatorResult[],
  vetoes: { recordIds: string[] }[],
  caps: { recordIds: string[] }[],
): boolean {
  const disputed = new Set(
    records.filter((p) => p.live && p.r.status === 'under_objection').map((p) => p.r.id),
  )
  if (disputed.size === 0) return false
  const affects = (id: string | undefined) => id !== undefined && disputed.has(id)
  return (
    indicators.some((i) => i.findings.some((f) => f.points < 0 && affects(f.recordId))) ||
    vetoes.some((v) => v.recordIds.some(affects)) ||
    caps.some((x) => x.recordIds.some(affects))
  )
}

/** Some counted record dates from within the look-back period. */
function hasRecentData(records: Prepared[], c: Compiled, at: number, events: number[]): boolean {
  let lastEnd = Number.NEGATIVE_INFINITY
  for (const p of records) {
    if (p.counted) lastEnd = Math.max(lastEnd, monthsAfter(p.r.occurredOn, c.dataLookbackMonths))
  }
  if (lastEnd > at) events.push(lastEnd)
  return lastEnd > at
}

/** The live records with the points their findings moved, in input order. */
function counted(live: Prepared[], indicators: IndicatorResult[]): CountedRecord[] {
  const moved = new Map<string, number>()
  for (const i of indicators)
    for (const f of i.findings) if (f.recordId) moved.set(f.recordId, (moved.get(f.recordId) ?? 0) + f.points)
  return live.map(({ r, until }) => ({
    id: r.id,
    kind: r.kind,
    ...(r.severity ? { severity: r.severity } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(r.violation ? { violation: r.violation } : {}),
    occurredOn: r.occurredOn,
    authority: r.authority,
    ...(r.documentNo ? { documentNo: r.documentNo } : {}),
    title: r.title,
    status: r.status === 'under_objection' ? 'under_objection' : 'effective',
    ...(until === undefined ? {} : { countsUntil: new Date(until).toISOString() }),
    points: moved.get(r.id) ?? 0,
  }))
}
