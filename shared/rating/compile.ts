/**
 * A methodology prepared for fast evaluation: numbers in tenths, record matchers as functions.
 * Compiled once per methodology object and cached.
 */
import type { Severity } from '../agency/vocabulary.js'
import type { RatingRecord } from './input.js'
import type { Indicator, Methodology, RecordMatch, Sourced } from './methodology-types.js'

export type Matcher = (r: RatingRecord) => boolean

export type CompiledIndicator = {
  def: Indicator
  max: number
  /** For deduct and award rules. */
  matches: Matcher
}

export type Compiled = {
  m: Methodology
  windowMonths: Record<Severity, number>
  deduction: Record<Severity, number>
  dimensions: { def: Methodology['dimensions'][number]; max: number; indicators: CompiledIndicator[] }[]
  bonus: CompiledIndicator[]
  bonusCap: number
  vetoMatchers: (Matcher | undefined)[]
  capMatchers: Matcher[]
  scale: { grade: Methodology['scale']['grades'][number]['grade']; minTotal: number }[]
  minOperatingMonths: number
  dataLookbackMonths: number
  /** Window (months) of a positive record, from the award rule that takes it; undefined if none. */
  positiveWindow(r: RatingRecord): number | undefined
}

/** Points as integer tenths, so sums never drift. */
export const tenths = (s: Sourced): number => Math.round(s.value * 10)

/** Builds a predicate for a RecordMatch. */
export function matcher(match: RecordMatch): Matcher {
  const kinds = new Set<string>(match.kinds)
  const violations = match.violations && new Set<string>(match.violations)
  const outcomes = match.outcomes && new Set<string>(match.outcomes)
  const severities = match.severities && new Set<string>(match.severities)
  const authorities = match.authorityIncludes
  return (r) =>
    kinds.has(r.kind) &&
    (!violations || (r.violation !== undefined && violations.has(r.violation))) &&
    (!outcomes || (r.outcome !== undefined && outcomes.has(r.outcome))) &&
    (!severities || (r.severity !== undefined && severities.has(r.severity))) &&
    (!authorities || authorities.some((a) => r.authority.includes(a)))
}

function anyOf(matches: readonly RecordMatch[]): Matcher {
  const all = matches.map(matcher)
  return (r) => all.some((f) => f(r))
}

function compileIndicator(def: Indicator): CompiledIndicator {
  const rule = def.rule
  const matches =
    rule.type === 'deduct' ? anyOf(rule.match) : rule.type === 'award' ? matcher(rule.match) : () => false
  return { def, max: tenths(def.max), matches }
}

const cache = new WeakMap<Methodology, Compiled>()

/** The compiled form of a methodology (cached per object). */
export function compile(m: Methodology): Compiled {
  const hit = cache.get(m)
  if (hit) return hit
  const bonus = m.bonus.indicators.map(compileIndicator)
  const awards = bonus.filter((b) => b.def.rule.type === 'award')
  const compiled: Compiled = {
    m,
    windowMonths: {
      minor: m.windows.minor.value,
      general: m.windows.general.value,
      serious: m.windows.serious.value,
    },
    deduction: {
      minor: tenths(m.deductions.minor),
      general: tenths(m.deductions.general),
      serious: tenths(m.deductions.serious),
    },
    dimensions: m.dimensions.map((def) => ({
      def,
      max: tenths(def.max),
      indicators: def.indicators.map(compileIndicator),
    })),
    bonus,
    bonusCap: tenths(m.bonus.cap),
    vetoMatchers: m.vetoes.map((v) => (v.type === 'records' ? matcher(v.match) : undefined)),
    capMatchers: m.caps.map((c) => matcher(c.match)),
    scale: m.scale.grades.map((g) => ({ grade: g.grade, minTotal: tenths(g.minTotal) })),
    minOperatingMonths: m.eligibility.minOperatingMonths.value,
    dataLookbackMonths: m.eligibility.dataLookbackMonths.value,
    positiveWindow(r) {
      for (const a of awards) {
        if (a.def.rule.type === 'award' && a.matches(r)) return a.def.rule.windowMonths.value
      }
      return undefined
    },
  }
  cache.set(m, compiled)
  return compiled
}
