/**
 * The engine's inputs in one canonical form: only the fields it reads, records ordered by
 * (occurredOn, id), lists sorted, every object built with its keys in sorted order. Built that way,
 * JSON.stringify writes canonical JSON (RFC 8785) directly, which makes inputsHash cheap; a test
 * checks the two agree.
 */
import type { Permit } from '../agency/types.js'
import type { RatingAgency, RatingInput, RatingRecord } from './input.js'

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byDateThenId = (a: RatingRecord, b: RatingRecord) =>
  compare(a.occurredOn, b.occurredOn) || compare(a.id, b.id)

/** The canonical copy of an input (keys sorted, only what the engine reads). */
export function canonicalInput(input: RatingInput): RatingInput {
  return { agency: pickAgency(input.agency), records: input.records.map(pickRecord).sort(byDateThenId) }
}

/** Canonical JSON of a canonical input and the methodology it is rated under. */
export function canonicalInputJson(
  canonical: RatingInput,
  methodology: { id: string; version: string },
): string {
  return JSON.stringify({
    agency: canonical.agency,
    methodology: { id: methodology.id, version: methodology.version },
    records: canonical.records,
  })
}

function pickAgency(a: RatingAgency): RatingAgency {
  return {
    foundedOn: a.foundedOn,
    permits: a.permits.map(pickPermit).sort((x, y) => compare(permitKey(x), permitKey(y))),
    sector: a.sector,
    serviceTypes: [...new Set(a.serviceTypes)].sort(),
    status: a.status,
    uscc: a.uscc,
  }
}

const permitKey = (p: Permit) =>
  `${p.kind}|${p.number}|${p.issuedOn}|${p.validUntil ?? ''}|${p.status}|${p.authority}`

function pickPermit(p: Permit): Permit {
  const picked: Permit = {
    authority: p.authority,
    issuedOn: p.issuedOn,
    kind: p.kind,
    number: p.number,
    status: p.status,
  }
  if (p.validUntil !== undefined) picked.validUntil = p.validUntil
  return picked
}

function pickRecord(r: RatingRecord): RatingRecord {
  const picked: Partial<RatingRecord> = { authority: r.authority }
  if (r.documentNo !== undefined) picked.documentNo = r.documentNo
  picked.id = r.id
  picked.kind = r.kind
  picked.occurredOn = r.occurredOn
  if (r.outcome !== undefined) picked.outcome = r.outcome
  if (r.severity !== undefined) picked.severity = r.severity
  picked.status = r.status
  picked.title = { en: r.title.en, zh: r.title.zh }
  if (r.violation !== undefined) picked.violation = r.violation
  if (r.year !== undefined) picked.year = r.year
  return picked as RatingRecord
}
