/**
 * The register's domain types: an agency, its permits and its credit records, as plain data. The
 * store's entities are checked against these (shared/store/entities/conformance.ts), so the domain
 * never imports the store.
 */
import type {
  AgencyStatus,
  Label,
  Outcome,
  PermitKind,
  PermitStatus,
  RecordKind,
  RecordStatus,
  Sector,
  ServiceType,
  Severity,
  Violation,
} from './vocabulary.js'

/** A licence or filing an agency holds. */
export type Permit = {
  kind: PermitKind
  /** Provincial text format, e.g. （粤）人服证字〔2023〕第0100123号. */
  number: string
  authority: string
  issuedOn: string
  /** Last valid day (CST, inclusive); absent for permits without a term. */
  validUntil?: string
  status: PermitStatus
}

/**
 * Pinyin of the name and aliases for search ('|' between names, spaces between syllables) and their
 * initials. Computed by whoever writes the profile: the API cannot ship the pinyin dictionary.
 */
export type NameReadings = { pinyin: string; initials: string }

/** An HR service agency as the register knows it. */
export type Agency = {
  uscc: string
  name: string
  /** Former names and common short names, for search. */
  aliases: string[]
  readings?: NameReadings
  /** Web domains the agency registered as its own (lower case); the widget warns elsewhere. */
  domains?: string[]
  /** GB/T 2260 code of the city (or province) the agency is registered in. */
  region: string
  sector: Sector
  serviceTypes: ServiceType[]
  permits: Permit[]
  /** CST calendar date of registration. */
  foundedOn: string
  status: AgencyStatus
  /** Generated demo data, never a real agency; every surface says so. */
  demo: boolean
  updatedAt: string
  /** Optimistic-lock counter; a write names the version it replaces. */
  version: number
}

/** An officer's act on a record: who, when, and the compact JWS they signed. */
export type OfficerAct = { officerId: string; at: string; signature?: string }

/** A credit record from a regulator. */
export type CreditRecord = {
  uscc: string
  /** CST calendar date of the decision or event; windows count from it. */
  occurredOn: string
  /** ULID. */
  id: string
  kind: RecordKind
  severity?: Severity
  outcome?: Outcome
  /** Annual reports: the year reported on. */
  year?: number
  violation?: Violation
  fineYuan?: number
  title: Label
  authority: string
  documentNo?: string
  /** Where the record can be checked: register name and address. */
  source: { name: string; url?: string }
  /** The agency's GB/T 2260 region when submitted; routes the record to approvers in scope. */
  region: string
  status: RecordStatus
  submitted: OfficerAct
  reviewed?: OfficerAct
  repairedOn?: string
  demo: boolean
  version: number
}
