/**
 * The credit history of one demo agency: a risk tier drawn from a skewed distribution sets how many
 * negative records it has; annual reports, inspections and honours fill in the rest.
 */

import type { CreditRecord } from '../agency/types.js'
import type { Sector, ServiceType } from '../agency/vocabulary.js'
import { addYears, maxDate, minDate } from '../time/calendar.js'
import type { Serials } from './codes.js'
import { penalty } from './penalties.js'
import { LICENSED_SERVICES, type PermitInput } from './permits.js'
import type { Place } from './places.js'
import type { Random, Weighted } from './random.js'
import {
  annualReport,
  type BodyContext,
  honour,
  inspection,
  type RecordBody,
  type ReportOutcome,
} from './record-kinds.js'
import { negativeBody, negatives, RISK_WEIGHTS, type Risk } from './risk.js'
import { licenceRevocation } from './sanctions.js'
import { type Dating, finishRecord, type RecordWindow, recordWindow } from './workflow.js'

/** Share of agencies working without any permit that have been caught and fined for it. */
const UNLICENSED_PENALTY_SHARE = 0.5
const PASSED_INSPECTIONS: readonly Weighted<number>[] = [
  [0, 55],
  [1, 33],
  [2, 12],
]
const HONOUR_SHARE: Record<Risk, number> = { none: 0.06, low: 0.02, medium: 0, high: 0 }
const HONOUR_MIN_AGE_YEARS = 2
const ANNUAL_REPORTS = 3
const REPORT_DEADLINE = '06-30'

/** An agency as the record generator sees it; a licence revocation marks its permit revoked. */
export type RecordSubject = {
  uscc: string
  place: Place
  sector: Sector
  services: readonly ServiceType[]
  foundedOn: string
  permits: PermitInput[]
}

/** Draws the agency's records as of `asOf`, sorted by (occurredOn, id). */
export function drawRecords(
  random: Random,
  serials: Serials,
  agency: RecordSubject,
  asOf: string,
): CreditRecord[] {
  const window = recordWindow(agency.foundedOn, asOf)
  if (window === undefined) return []
  const records: CreditRecord[] = []
  const ctx = (occurredOn: string): BodyContext => ({ random, serials, place: agency.place, occurredOn })
  const add = (body: (c: BodyContext) => RecordBody, dating: Partial<Dating> = {}): boolean => {
    const full = { from: window.from, to: window.to, ...dating }
    const record = finishRecord(random, agency, window, (on) => body(ctx(on)), full)
    if (record !== undefined) records.push(record)
    return record !== undefined
  }
  const licensed = agency.permits.some((permit) => permit.kind === 'hr_licence')
  const risk: Risk = agency.sector === 'public' ? 'none' : random.weighted(RISK_WEIGHTS)

  const reports = new Map<number, ReportOutcome>()
  if (agency.sector === 'commercial') {
    for (const year of reportYears(agency.foundedOn, window)) reports.set(year, 'filed')
  }
  for (const negative of negatives(random, risk)) {
    if (negative === 'report_late' || negative === 'report_missing') {
      const year = [...reports].find(([, outcome]) => outcome === 'filed')?.[0]
      if (year !== undefined) {
        reports.set(year, negative === 'report_late' ? 'late' : 'missing')
        continue
      }
    }
    if (negative === 'revocation' && revoke(agency, window, add)) continue
    add((c) => negativeBody(c, negative, agency.services, licensed))
  }
  const unlicensed =
    agency.sector === 'commercial' &&
    agency.permits.length === 0 &&
    agency.services.some((service) => LICENSED_SERVICES.includes(service))
  if (unlicensed && random.chance(UNLICENSED_PENALTY_SHARE)) {
    add((c) => penalty(c, 'general', { violation: 'unlicensed_activity', licensed }))
  }
  for (const [year, outcome] of reports) {
    add((c) => annualReport(c, year, outcome), { fixedOn: `${year + 1}-${REPORT_DEADLINE}` })
  }
  for (let i = random.weighted(PASSED_INSPECTIONS); i > 0; i--) add((c) => inspection(c, true))
  if (random.chance(HONOUR_SHARE[risk])) {
    add((c) => honour(c), { from: addYears(agency.foundedOn, HONOUR_MIN_AGE_YEARS) })
  }
  return records.sort((a, b) => compare(a.occurredOn, b.occurredOn) || compare(a.id, b.id))
}

/**
 * Revokes a licence the agency holds (dispatch first), dated while it was in force, and marks the
 * permit revoked. False when there is none to revoke or no date fits.
 */
function revoke(
  agency: RecordSubject,
  window: RecordWindow,
  add: (body: (c: BodyContext) => RecordBody, dating?: Partial<Dating>) => boolean,
): boolean {
  const permit =
    agency.permits.find((p) => p.kind === 'dispatch_licence') ??
    agency.permits.find((p) => p.kind === 'hr_licence')
  if (permit === undefined) return false
  const from = maxDate(window.from, permit.issuedOn)
  const to = minDate(window.to, permit.validUntil ?? window.to)
  if (from > to || !add((c) => licenceRevocation(c, permit.kind), { from, to })) return false
  permit.status = 'revoked'
  return true
}

/** The last three years whose annual report fell due inside the window, from the founding year on. */
function reportYears(foundedOn: string, window: RecordWindow): number[] {
  const years: number[] = []
  const lastDue = Number(window.to.slice(0, 4)) - (window.to.slice(5) >= REPORT_DEADLINE ? 1 : 2)
  for (let year = lastDue - ANNUAL_REPORTS + 1; year <= lastDue; year++) {
    if (year >= Number(foundedOn.slice(0, 4))) years.push(year)
  }
  return years
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
