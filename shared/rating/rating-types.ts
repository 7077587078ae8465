/** The engine's output: a grade and everything that explains it. Points are integers of tenths. */
import type {
  Grade,
  Label,
  Outcome,
  RecordKind,
  RecordStatus,
  Severity,
  Violation,
} from '../agency/vocabulary.js'
import type { NotRatedReason } from './methodology-types.js'

/** One piece of evidence and what it did: negative points lost, positive points added, 0 for information. */
export type Finding = {
  /** The record behind it, when there is one. */
  recordId?: string
  /** The rule behind it when no record is (e.g. time in operation). */
  rule?: string
  points: number
  sentence: Label
}

export type IndicatorResult = {
  id: string
  name: Label
  max: number
  earned: number
  lost: number
  applicable: boolean
  sentence: Label
  findings: Finding[]
}

export type DimensionResult = {
  id: string
  name: Label
  max: number
  earned: number
  indicators: IndicatorResult[]
}

export type VetoResult = { id: string; name: Label; sentence: Label; recordIds: string[]; source: string }

export type CapResult = {
  id: string
  name: Label
  maxGrade: Grade
  sentence: Label
  recordIds: string[]
  source: string
}

/** A record that counts as of the rating (inside its window, not repaired, withdrawn or pending). */
export type CountedRecord = {
  id: string
  kind: RecordKind
  severity?: Severity
  outcome?: Outcome
  violation?: Violation
  occurredOn: string
  authority: string
  documentNo?: string
  title: Label
  status: Extract<RecordStatus, 'effective' | 'under_objection'>
  /** The instant it stops counting; absent for records without a window (filed annual reports). */
  countsUntil?: string
  /** Sum of the points its findings moved. */
  points: number
}

/** When a live negative record stops counting, and the grade then if nothing else changes. */
export type RecoveryStep = { recordId: string; countsUntil: string; grade: Grade; total?: number }

export type Score = { base: number; bonus: number; total: number; maxBase: number; maxBonus: number }

export type Rating = {
  uscc: string
  methodology: { id: string; version: string }
  asOf: string
  grade: Grade
  notRated?: { reason: NotRatedReason; sentence: Label }
  score?: Score
  dimensions: DimensionResult[]
  bonus?: { name: Label; cap: number; uncapped: number; indicators: IndicatorResult[] }
  vetoes: VetoResult[]
  caps: CapResult[]
  records: CountedRecord[]
  recovery: RecoveryStep[]
  /** Next instant the result can change; absent when nothing is scheduled. */
  validUntil?: string
  /** sha256 of the canonical inputs (agency, records, methodology id and version). */
  inputsHash: string
  /** sha256 of the canonical rating without asOf and the two hashes: equal content, equal hash. */
  contentHash: string
}
