/**
 * `evaluate(input, methodology, asOf)`: an agency's grade and everything that explains it. Pure and
 * deterministic: the same inputs, methodology and instant give byte-identical output.
 */
import { canonicalJson, sha256 } from '../canonical/json.js'
import { type Assessment, assess } from './assess.js'
import { compile } from './compile.js'
import { checkRatingInput, type RatingInput, type RatingRecord } from './input.js'
import type { Methodology } from './methodology-types.js'
import type { Rating, RecoveryStep } from './rating-types.js'

/** Rates one agency as of an instant. Throws RatingInputError (with the reason) for input it cannot rate. */
export function evaluate(input: RatingInput, methodology: Methodology, asOf: Date): Rating {
  checkRatingInput(input)
  const at = asOf.getTime()
  if (Number.isNaN(at)) throw new RangeError('asOf is not a valid instant')
  const canonical = canonicalInput(input)
  const c = compile(methodology)
  const result = assess(canonical, c, at)
  const { validUntil, ...rest } = result
  const content = {
    uscc: input.agency.uscc,
    methodology: { id: methodology.id, version: methodology.version },
    ...rest,
    recovery: recovery(result, (t) => assess(canonical, c, t)),
    ...(validUntil === undefined ? {} : { validUntil: new Date(validUntil).toISOString() }),
  }
  const inputsHash = sha256(canonicalJson({ methodology: content.methodology, ...canonical }))
  const contentHash = sha256(canonicalJson(content))
  return { ...content, asOf: asOf.toISOString(), inputsHash, contentHash }
}

/** Inputs in one order whatever order they came in: records by (occurredOn, id), lists sorted. */
function canonicalInput(input: RatingInput): RatingInput {
  const { agency } = input
  const records = [...input.records].map(pickRecord).sort(byDateThenId)
  return {
    agency: {
      uscc: agency.uscc,
      sector: agency.sector,
      status: agency.status,
      foundedOn: agency.foundedOn,
      serviceTypes: [...new Set(agency.serviceTypes)].sort(),
      permits: [...agency.permits]
        .map((p) => ({
          kind: p.kind,
          number: p.number,
          authority: p.authority,
          issuedOn: p.issuedOn,
          ...(p.validUntil === undefined ? {} : { validUntil: p.validUntil }),
          status: p.status,
        }))
        .sort((a, b) =>
          compare(`${a.kind}|${a.number}|${a.issuedOn}`, `${b.kind}|${b.number}|${b.issuedOn}`),
        ),
    },
    records,
  }
}

/** Only the fields the engine reads, so unrelated fields never change a hash. */
function pickRecord(r: RatingRecord): RatingRecord {
  return {
    id: r.id,
    kind: r.kind,
    ...(r.severity === undefined ? {} : { severity: r.severity }),
    ...(r.outcome === undefined ? {} : { outcome: r.outcome }),
    ...(r.violation === undefined ? {} : { violation: r.violation }),
    ...(r.year === undefined ? {} : { year: r.year }),
    occurredOn: r.occurredOn,
    status: r.status,
    authority: r.authority,
    ...(r.documentNo === undefined ? {} : { documentNo: r.documentNo }),
    title: { zh: r.title.zh, en: r.title.en },
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byDateThenId = (a: RatingRecord, b: RatingRecord) =>
  compare(a.occurredOn, b.occurredOn) || compare(a.id, b.id)

/** For each live negative record, the grade when it stops counting (everything else as it will be then). */
function recovery(now: Assessment, at: (instant: number) => Assessment): RecoveryStep[] {
  const byInstant = new Map<number, Assessment>()
  const steps: RecoveryStep[] = []
  for (const record of now.records) {
    if (record.severity === undefined || record.countsUntil === undefined) continue
    const instant = Date.parse(record.countsUntil)
    let then = byInstant.get(instant)
    if (!then) {
      then = at(instant)
      byInstant.set(instant, then)
    }
    steps.push({
      recordId: record.id,
      countsUntil: record.countsUntil,
      grade: then.grade,
      ...(then.score ? { total: then.score.total } : {}),
    })
  }
  return steps.sort((a, b) => compare(a.countsUntil, b.countsUntil) || compare(a.recordId, b.recordId))
}
