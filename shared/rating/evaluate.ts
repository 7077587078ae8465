/**
 * `evaluate(input, methodology, asOf)`: an agency's grade and everything that explains it. Pure and
 * deterministic: the same inputs, methodology and instant give byte-identical output.
 */
import { canonicalJson, sha256 } from '../canonical/json.js'
import { type Assessment, assess } from './assess.js'
import { canonicalInput, canonicalInputJson } from './canonical-input.js'
import { compile } from './compile.js'
import { checkRatingInput, type RatingInput } from './input.js'
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
  const inputsHash = sha256(canonicalInputJson(canonical, methodology))
  const contentHash = sha256(canonicalJson(content))
  return { ...content, asOf: asOf.toISOString(), inputsHash, contentHash }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

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
