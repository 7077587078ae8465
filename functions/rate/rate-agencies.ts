/**
 * The one core of the rating pipeline: rate agencies as of an instant and keep RATING#CURRENT equal
 * to the engine's answer. A rating is written only when its content changed, conditionally on the
 * revision read, with a history entry and an audit event when grade or score moved.
 */
import { nextAuditEvent } from '../../shared/audit/chain.js'
import { evaluate } from '../../shared/rating/evaluate.js'
import { RatingInputError } from '../../shared/rating/input.js'
import type { Methodology } from '../../shared/rating/methodology-types.js'
import type { Rating } from '../../shared/rating/rating-types.js'
import type { Agency } from '../../shared/store/entities/agency.js'
import type { StoredRating, StoredRatingInput } from '../../shared/store/entities/rating.js'
import { RatingConflictError } from '../../shared/store/errors.js'
import type { Store } from '../../shared/store/store.js'
import type { Log } from '../log.js'
import { mapLimit } from '../pool.js'

export type RateDeps = { store: Store; methodology: Methodology; log: Log }

/** What rating one agency did. */
export type RateOutcome = 'written' | 'unchanged' | 'missing' | 'newer'

export type RateReport = {
  written: string[]
  unchanged: number
  /** No profile: nothing to rate. */
  missing: string[]
  /** A rating computed at a later instant is already stored. */
  newer: number
  /** `permanent` failures (input the engine refuses) will fail again; the others may pass on retry. */
  failed: { uscc: string; error: string; permanent: boolean }[]
}

/** Who the audit trail names for the pipeline's writes. */
export const RATE_ACTOR = 'system:rate'
const CONFLICT_RETRIES = 5

/** Rates each agency once (bounded concurrency); never throws for one agency's failure. */
export async function rateAgencies(
  deps: RateDeps,
  usccs: readonly string[],
  asOf: Date,
  options: { concurrency?: number } = {},
): Promise<RateReport> {
  const report: RateReport = { written: [], unchanged: 0, missing: [], newer: 0, failed: [] }
  await mapLimit([...new Set(usccs)], options.concurrency ?? 8, async (uscc) => {
    try {
      const outcome = await rateAgency(deps, uscc, asOf)
      if (outcome === 'written') report.written.push(uscc)
      else if (outcome === 'missing') report.missing.push(uscc)
      else if (outcome === 'newer') report.newer++
      else report.unchanged++
    } catch (error) {
      const permanent = error instanceof RatingInputError
      const message = error instanceof Error ? error.message : String(error)
      deps.log(permanent ? 'warn' : 'error', 'rating failed', { uscc, error: message, permanent })
      report.failed.push({ uscc, error: message, permanent })
    }
  })
  return report
}

/** Rates one agency, re-reading and recomputing if another writer got there first. */
export async function rateAgency(deps: RateDeps, uscc: string, asOf: Date): Promise<RateOutcome> {
  for (let attempt = 1; ; attempt++) {
    const { agency, rating: current, records } = await deps.store.loadForRating(uscc)
    if (!agency) return 'missing'
    if (current && Date.parse(current.computedAt) > asOf.getTime()) return 'newer'
    const rating = evaluate({ agency, records }, deps.methodology, asOf)
    const same = current?.contentHash === rating.contentHash
    if (same && current?.name === agency.name && current.region === agency.region) return 'unchanged'
    try {
      await save(deps, agency, rating, current)
      return 'written'
    } catch (error) {
      if (!(error instanceof RatingConflictError) || attempt >= CONFLICT_RETRIES) throw error
    }
  }
}

async function save(
  deps: RateDeps,
  agency: Agency,
  rating: Rating,
  current: StoredRating | undefined,
): Promise<void> {
  const stored = toStored(agency, rating, (current?.revision ?? 0) + 1)
  const changed = !current || current.grade !== stored.grade || current.score !== stored.score
  if (!changed) {
    await deps.store.saveRating({ rating: stored, readRevision: current?.revision })
    return
  }
  const history = {
    uscc: agency.uscc,
    computedAt: rating.asOf,
    revision: stored.revision,
    grade: rating.grade,
    ...(stored.score === undefined ? {} : { score: stored.score }),
    methodology: rating.methodology,
    contentHash: rating.contentHash,
  }
  const audit = nextAuditEvent(await deps.store.lastAuditConsistent(agency.uscc), {
    uscc: agency.uscc,
    at: rating.asOf,
    actor: RATE_ACTOR,
    action: 'rating.changed',
    subject: 'RATING#CURRENT',
    detail: {
      from: current ? { grade: current.grade, score: current.score ?? null } : null,
      to: { grade: rating.grade, score: stored.score ?? null },
      contentHash: rating.contentHash,
      methodology: rating.methodology,
    },
  })
  await deps.store.saveRating({ rating: stored, readRevision: current?.revision, history, audit })
}

/** The cache item for a rating: the fields lists and indexes need, and the whole rating as basis. */
export function toStored(agency: Agency, rating: Rating, revision: number): StoredRatingInput {
  return {
    uscc: agency.uscc,
    name: agency.name,
    region: agency.region,
    grade: rating.grade,
    ...(rating.score ? { score: rating.score.total } : {}),
    basis: rating,
    methodology: rating.methodology,
    inputsHash: rating.inputsHash,
    contentHash: rating.contentHash,
    computedAt: rating.asOf,
    ...(rating.validUntil ? { validUntil: rating.validUntil } : {}),
    revision,
  }
}
