/**
 * The shape of a methodology: a versioned, cited document that the engine interprets. Every number
 * in it is a `Sourced` value naming where it comes from; numbers no source gives are provisional.
 */
import type {
  Grade,
  Label,
  Outcome,
  RecordKind,
  Sector,
  ServiceType,
  Severity,
  Violation,
} from '../agency/vocabulary.js'

/** How far a source can be trusted (tags of methodology-research.md). */
export type SourceTier =
  | 'confirmed' // [Q] retrieved and read
  | 'secondary' // [S] news, third-party summary, draft
  | 'inference' // [I] inferred from sources
  | 'background' // [M] background knowledge, not verified
  | 'provisional' // [D] Chengxin's design default: no source gives this number

export type Source = { id: string; title: Label; tier: SourceTier; url?: string; note?: Label }

/** A number and where it comes from; `provisional` exactly when its source is a design default. */
export type Sourced = { value: number; source: string; provisional?: true }

/** Which records a rule looks at. Every listed criterion must hold. */
export type RecordMatch = {
  kinds: readonly RecordKind[]
  violations?: readonly Violation[]
  outcomes?: readonly Outcome[]
  severities?: readonly Severity[]
  /** The issuing authority's name contains one of these (e.g. an HRSS bureau). */
  authorityIncludes?: readonly string[]
}

/** How an indicator turns evidence into points. */
export type IndicatorRule =
  /** Full marks less the methodology's per-severity deduction for each matching live record. */
  | { type: 'deduct'; match: readonly RecordMatch[] }
  /** Points for time in operation: the highest tier reached. */
  | { type: 'operating_time'; tiers: readonly { minMonths: Sourced; points: Sourced }[] }
  /** Points per annual report for the most recent years whose filing deadline has passed. */
  | {
      type: 'annual_reports'
      years: Sourced
      /** Month-day (CST) by which the report for the previous year is due. */
      deadline: string
      deadlineSource: string
      points: { filed: Sourced; lateOrUnknown: Sourced; missing: Sourced }
    }
  /** Points per matching record inside its window, by outcome. */
  | { type: 'award'; match: RecordMatch; points: Partial<Record<Outcome, Sourced>>; windowMonths: Sourced }

export type IndicatorSentences = {
  /** Nothing lost (or, for awards, nothing earned). */
  full: Label
  /** Points lost ({lost}, {count}); for awards: points earned ({earned}, {count}). */
  partial: Label
  notApplicable?: Label
}

export type Indicator = {
  id: string
  name: Label
  max: Sourced
  /** What duty the indicator checks, with its legal basis. */
  duty: Label
  dutySources: readonly string[]
  /** Applies only to agencies offering one of these services; others get full marks. */
  appliesTo?: readonly ServiceType[]
  rule: IndicatorRule
  sentences: IndicatorSentences
}

export type Dimension = { id: string; name: Label; max: Sourced; indicators: readonly Indicator[] }

/** A permit an agency must hold for a service (条例 Art 18; the labour-dispatch licence). */
export type PermitRequirement = {
  services: readonly ServiceType[]
  /** Any one of these kinds, valid on the day, satisfies the requirement. */
  anyOf: readonly ('hr_licence' | 'hr_filing' | 'dispatch_licence')[]
  source: string
}

/** A veto forces the lowest grade. */
export type Veto = {
  id: string
  name: Label
  /** Filled with {record} (the record's title) or {service}/{permit} for permit vetoes. */
  sentence: Label
  source: string
} & (
  | { type: 'records'; match: RecordMatch }
  | { type: 'permits'; requirements: readonly PermitRequirement[] }
)

/** A cap holds the grade at or below `maxGrade` while a matching record is live. */
export type Cap = {
  id: string
  name: Label
  maxGrade: Grade
  match: RecordMatch
  sentence: Label
  source: string
}

export type NotRatedReason =
  | 'out_of_scope'
  | 'deregistered'
  | 'under_review'
  | 'too_new'
  | 'insufficient_data'

export type Methodology = {
  id: string
  version: string
  title: Label
  /** CST calendar date from which ratings use this version. */
  effectiveFrom: string
  /** What this methodology is and is not (it is not the text of LD/T 3002-2023). */
  summary: Label
  sources: readonly Source[]
  /** Grades from best to worst with the lowest total (base + bonus) each needs; D is below the last. */
  scale: {
    source: string
    /** Why the thresholds sit where they do. */
    rationale: Label
    rationaleSource: string
    grades: readonly { grade: Exclude<Grade, 'D' | 'NR'>; minTotal: Sourced }[]
  }
  /** How long a negative record counts, from its decision date, by severity (months). */
  windows: Record<Severity, Sourced>
  /** Points a live negative record costs in each indicator it matches, by severity. */
  deductions: Record<Severity, Sourced>
  eligibility: {
    sectors: readonly Sector[]
    sectorsSource: string
    minOperatingMonths: Sourced
    /** Not rated when no record at all dates from this many months before the as-of date. */
    dataLookbackMonths: Sourced
  }
  vetoes: readonly Veto[]
  caps: readonly Cap[]
  dimensions: readonly Dimension[]
  bonus: { name: Label; cap: Sourced; indicators: readonly Indicator[] }
  notRated: Record<NotRatedReason, { sentence: Label; source: string }>
  /** Sentence templates for findings. */
  findings: {
    deduct: Label
    award: Label
    annualReport: Record<'filed' | 'late' | 'missing' | 'unknown' | 'notDue', Label>
    operatingTime: Label
    notApplicable: Label
  }
}
