/** The workflow half of a demo record: date, id, officers, status and credit repair. */
import type { CreditRecord } from '../agency/types.js'
import {
  addDays,
  addMonths,
  cstInstant,
  dayNumber,
  isoTimestamp,
  maxDate,
  minDate,
} from '../time/calendar.js'
import { recordId } from './codes.js'
import type { Place } from './places.js'
import type { Random } from './random.js'
import type { RecordBody } from './record-kinds.js'

/** The dates records may carry: the last five years, never before founding, submitted before as-of. */
export type RecordWindow = { from: string; to: string; asOf: string }

/** Where a record is dated: a fixed date (annual reports) or a range inside the window. */
export type Dating = { fixedOn?: string; from: string; to: string }

const HISTORY_YEARS = 5
/** Records are submitted at least a day after they occur and before the as-of date. */
const LAST_OCCURRENCE_DAYS_BEFORE_AS_OF = 2
const MAX_SUBMISSION_DELAY_DAYS = 10
/** Share of freely dated records still awaiting review: about 2% of all records. */
const PENDING_SHARE = 0.07
const PENDING_RECENT_DAYS = 30
/** Share of negative records under objection: about 1% of all records. */
const OBJECTION_SHARE = 0.08
const OBJECTION_RECENT_DAYS = 180
const OFFICERS_PER_AREA = 4
const MINUTE_MS = 60_000
const REVIEW_DELAY_MINUTES = [30, 5 * 24 * 60] as const
/** Credit repair (信用修复): share repaired, and publicity minimum and maximum in months. */
const REPAIR = {
  general: { share: 0.35, minMonths: 3, maxMonths: 12 },
  serious: { share: 0.25, minMonths: 12, maxMonths: 36 },
} as const

/** The record window as of `asOf`, or undefined when the agency is too new to have records. */
export function recordWindow(foundedOn: string, asOf: string): RecordWindow | undefined {
  const from = maxDate(foundedOn, addMonths(asOf, -12 * HISTORY_YEARS))
  const to = addDays(asOf, -LAST_OCCURRENCE_DAYS_BEFORE_AS_OF)
  return from <= to ? { from, to, asOf } : undefined
}

/**
 * Dates, numbers and signs off a record: pending (~2% of all records, submitted in the last 30
 * days, not reviewed), under objection (~1%, negative records of the last six months), repaired
 * (some general and serious penalties past their minimum publicity period), else effective.
 * Undefined when no date fits.
 */
export function finishRecord(
  random: Random,
  agency: { uscc: string; place: Place },
  window: RecordWindow,
  body: (occurredOn: string) => RecordBody,
  dating: Dating,
): CreditRecord | undefined {
  const roll = random.next()
  const pending = roll < PENDING_SHARE
  const objected = !pending && roll < PENDING_SHARE + OBJECTION_SHARE
  const recentDays = pending ? PENDING_RECENT_DAYS : objected ? OBJECTION_RECENT_DAYS : undefined
  const from = maxDate(dating.from, window.from)
  const to = minDate(dating.to, window.to)
  let occurredOn: string
  if (dating.fixedOn !== undefined) {
    if (dating.fixedOn < from || dating.fixedOn > to) return undefined
    occurredOn = dating.fixedOn
  } else {
    const recentFrom = recentDays === undefined ? from : maxDate(from, addDays(to, -recentDays))
    if (recentFrom > to) return undefined
    occurredOn = random.dateBetween(recentFrom, to)
  }
  const recent = occurredOn >= addDays(to, -(recentDays ?? 0))
  const content = body(occurredOn)

  const lastSubmission = dayNumber(window.asOf) - 1 - dayNumber(occurredOn)
  const submittedOn = addDays(occurredOn, random.int(1, Math.min(MAX_SUBMISSION_DELAY_DAYS, lastSubmission)))
  const submittedAt = cstInstant(submittedOn, random.int(9, 17), random.int(0, 59))
  const [maker, checker] = officers(random, agency.place)
  const reviewDelay = random.int(...REVIEW_DELAY_MINUTES) * MINUTE_MS
  const reviewedAt = Math.min(submittedAt + reviewDelay, cstInstant(window.asOf, 0) - MINUTE_MS)
  const id = recordId(random, submittedAt)

  let status: CreditRecord['status'] = 'effective'
  let repairedOn: string | undefined
  if (pending && recent) status = 'pending'
  else if (objected && recent && content.severity !== undefined) status = 'under_objection'
  else if (content.kind === 'penalty' && (content.severity === 'general' || content.severity === 'serious')) {
    const rule = REPAIR[content.severity]
    const earliest = addMonths(occurredOn, rule.minMonths)
    const latest = minDate(addMonths(occurredOn, rule.maxMonths), window.to)
    if (earliest <= latest && random.chance(rule.share)) {
      status = 'repaired'
      repairedOn = random.dateBetween(earliest, latest)
    }
  }

  return {
    uscc: agency.uscc,
    occurredOn,
    id,
    ...content,
    region: agency.place.code,
    status,
    submitted: { officerId: maker, at: isoTimestamp(submittedAt) },
    ...(status === 'pending' ? {} : { reviewed: { officerId: checker, at: isoTimestamp(reviewedAt) } }),
    ...(repairedOn === undefined ? {} : { repairedOn }),
    demo: true,
    version: 1,
  }
}

/** Two different demo officers of the area: the maker who submits and the checker who reviews. */
function officers(random: Random, place: Place): [maker: string, checker: string] {
  const maker = random.int(1, OFFICERS_PER_AREA)
  const checker = ((maker + random.int(0, OFFICERS_PER_AREA - 2)) % OFFICERS_PER_AREA) + 1
  const id = (n: number) => `demo-${place.officerCode}-${String(n).padStart(2, '0')}`
  return [id(maker), id(checker)]
}
