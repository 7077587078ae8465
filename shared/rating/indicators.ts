/** Scoring one indicator under its rule: the evidence it looks at, the points, and the sentences. */
import { SEVERITY_LABELS } from '../agency/vocabulary.js'
import { chinaDate, dayAfter, lastDayBefore, monthsAfter, monthsSince } from '../time/calendar.js'
import { type Compiled, type CompiledIndicator, tenths } from './compile.js'
import type { RatingAgency, RatingRecord } from './input.js'
import type { Finding, IndicatorResult } from './rating-types.js'
import { fill, points } from './text.js'

/** A record as the engine sees it at one instant. */
export type Prepared = {
  r: RatingRecord
  /** Status lets it count (effective or under objection) and its date has come. */
  counted: boolean
  /** Counted and inside its window. */
  live: boolean
  from: number
  until?: number
}

export type Context = {
  c: Compiled
  at: number
  agency: RatingAgency
  records: Prepared[]
  live: Prepared[]
  /** Instants after `at` when something may change; the earliest becomes validUntil. */
  events: number[]
}

const doc = (r: RatingRecord) => (r.documentNo ? { zh: `（${r.documentNo}）`, en: ` (${r.documentNo})` } : '')

/**
 * Results that are the same for every agency (not applicable; nothing found) are built once per
 * indicator and frozen, so ratings share them and hashing reuses their canonical form.
 */
const fixedResults = new WeakMap<
  CompiledIndicator,
  { notApplicable: IndicatorResult; nothingFound: IndicatorResult }
>()

function fixed(ci: CompiledIndicator, ctx: Context) {
  let results = fixedResults.get(ci)
  if (!results) {
    const { def, max } = ci
    const findings = Object.freeze([]) as unknown as Finding[]
    const nothing = def.rule.type === 'award' ? 0 : max
    results = {
      notApplicable: Object.freeze({
        id: def.id,
        name: def.name,
        max,
        earned: max,
        lost: 0,
        applicable: false,
        sentence: def.sentences.notApplicable ?? ctx.c.m.findings.notApplicable,
        findings,
      }),
      nothingFound: Object.freeze({
        id: def.id,
        name: def.name,
        max,
        earned: nothing,
        lost: 0,
        applicable: true,
        sentence: def.sentences.full,
        findings,
      }),
    }
    fixedResults.set(ci, results)
  }
  return results
}

/** Scores an indicator, giving full marks where it does not apply to the agency's services. */
export function scoreIndicator(ci: CompiledIndicator, ctx: Context): IndicatorResult {
  const { def } = ci
  if (def.appliesTo && !ctx.agency.serviceTypes.some((s) => def.appliesTo?.includes(s))) {
    return fixed(ci, ctx).notApplicable
  }
  const rule = def.rule
  switch (rule.type) {
    case 'deduct':
      return deduct(ci, ctx)
    case 'award':
      return award(ci, ctx, rule.points)
    case 'operating_time':
      return operatingTime(ci, ctx, rule.tiers)
    case 'annual_reports':
      return annualReports(ci, ctx, rule)
  }
}

function deduct(ci: CompiledIndicator, ctx: Context): IndicatorResult {
  const { m, deduction } = ctx.c
  const findings: Finding[] = []
  let total = 0
  for (const p of ctx.live) {
    const severity = p.r.severity
    if (severity === undefined || !ci.matches(p.r)) continue
    const lost = deduction[severity]
    total += lost
    const slots = {
      title: p.r.title,
      doc: doc(p.r),
      severity: SEVERITY_LABELS[severity],
      points: points(lost),
      until: p.until === undefined ? '' : lastDayBefore(p.until),
    }
    findings.push({ recordId: p.r.id, points: -lost, sentence: fill(m.findings.deduct, slots) })
  }
  if (findings.length === 0) return fixed(ci, ctx).nothingFound
  const lost = Math.min(ci.max, total)
  const sentence = fill(ci.def.sentences.partial, { count: String(findings.length), lost: points(lost) })
  return {
    id: ci.def.id,
    name: ci.def.name,
    max: ci.max,
    earned: ci.max - lost,
    lost,
    applicable: true,
    sentence,
    findings,
  }
}

function award(
  ci: CompiledIndicator,
  ctx: Context,
  table: Extract<CompiledIndicator['def']['rule'], { type: 'award' }>['points'],
): IndicatorResult {
  const findings: Finding[] = []
  let total = 0
  for (const p of ctx.live) {
    if (!ci.matches(p.r)) continue
    const value = p.r.outcome === undefined ? undefined : table[p.r.outcome]
    const added = value === undefined ? 0 : tenths(value)
    total += added
    const until = p.until === undefined ? '' : lastDayBefore(p.until)
    const sentence = fill(ctx.c.m.findings.award, { title: p.r.title, points: points(added), until })
    findings.push({ recordId: p.r.id, points: added, sentence })
  }
  if (findings.length === 0) return fixed(ci, ctx).nothingFound
  const earned = Math.min(ci.max, total)
  const sentence = fill(ci.def.sentences.partial, { count: String(findings.length), earned: points(earned) })
  return {
    id: ci.def.id,
    name: ci.def.name,
    max: ci.max,
    earned,
    lost: 0,
    applicable: true,
    sentence,
    findings,
  }
}

function operatingTime(
  ci: CompiledIndicator,
  ctx: Context,
  tiers: Extract<CompiledIndicator['def']['rule'], { type: 'operating_time' }>['tiers'],
): IndicatorResult {
  const { foundedOn } = ctx.agency
  const months = monthsSince(foundedOn, ctx.at)
  let earned = 0
  for (const tier of tiers) {
    if (months >= tier.minMonths.value) earned = Math.max(earned, tenths(tier.points))
    else ctx.events.push(monthsAfter(foundedOn, tier.minMonths.value))
  }
  earned = Math.min(ci.max, earned)
  const lost = ci.max - earned
  const sentence = fill(ctx.c.m.findings.operatingTime, { foundedOn })
  const finding: Finding = { rule: ci.def.id, points: lost === 0 ? 0 : -lost, sentence }
  return {
    id: ci.def.id,
    name: ci.def.name,
    max: ci.max,
    earned,
    lost,
    applicable: true,
    sentence: lost ? fill(ci.def.sentences.partial, { lost: points(lost) }) : ci.def.sentences.full,
    findings: [finding],
  }
}

type AnnualRule = Extract<CompiledIndicator['def']['rule'], { type: 'annual_reports' }>

/** The most recent years whose reports were due by `at`, with the next instant another falls due. */
function dueYears(rule: AnnualRule, at: number): { years: number[]; next: number } {
  const dueAt = (year: number) => dayAfter(`${year + 1}-${rule.deadline}`)
  let latest = Number(chinaDate(at).slice(0, 4)) - 1
  if (dueAt(latest) > at) latest--
  const count = rule.years.value
  return { years: Array.from({ length: count }, (_, i) => latest - count + 1 + i), next: dueAt(latest + 1) }
}

function annualReports(ci: CompiledIndicator, ctx: Context, rule: AnnualRule): IndicatorResult {
  const { years, next } = dueYears(rule, ctx.at)
  ctx.events.push(next)
  const full = tenths(rule.points.filed)
  const foundedYear = Number(ctx.agency.foundedOn.slice(0, 4))
  const texts = ctx.c.m.findings.annualReport
  const findings: Finding[] = []
  let earned = 0
  for (const year of years) {
    const reports = ctx.records.filter((p) => p.counted && p.r.kind === 'annual_report' && p.r.year === year)
    const find = (test: (p: Prepared) => boolean) => reports.find(test)
    const missing = find((p) => p.live && p.r.outcome === 'missing')
    const late = find((p) => p.live && p.r.outcome === 'late')
    const filed = find((p) => p.r.outcome === 'filed' || (p.r.outcome === 'late' && !p.live))
    const [state, record, value] =
      year < foundedYear
        ? (['notDue', undefined, full] as const)
        : missing
          ? (['missing', missing, tenths(rule.points.missing)] as const)
          : late
            ? (['late', late, tenths(rule.points.lateOrUnknown)] as const)
            : filed
              ? (['filed', filed, full] as const)
              : (['unknown', undefined, tenths(rule.points.lateOrUnknown)] as const)
    earned += value
    const sentence = fill(texts[state], { year: String(year), points: points(full - value) })
    findings.push(
      record
        ? { recordId: record.r.id, points: value - full, sentence }
        : { rule: `${ci.def.id}:${year}`, points: value - full, sentence },
    )
  }
  earned = Math.min(ci.max, earned)
  const lost = ci.max - earned
  const sentence = lost ? fill(ci.def.sentences.partial, { lost: points(lost) }) : ci.def.sentences.full
  return { id: ci.def.id, name: ci.def.name, max: ci.max, earned, lost, applicable: true, sentence, findings }
}
