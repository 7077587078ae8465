/**
 * Writing a new current rating, with its history entry and audit event when the grade or score
 * changed, in one transaction: the rating put is conditional on the revision that was read, so a
 * stale or out-of-order computation can never replace a newer one, and no crash can leave a rating
 * without its history.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { hashOf } from '../canonical/json.js'
import { auditAppendItems } from './audit-chain.js'
import type { AuditEntity, AuditEventInput } from './entities/audit.js'
import type { RatingEntity, RatingHistoryEntity, StoredRatingInput } from './entities/rating.js'
import { ChainBrokenError, RatingConflictError } from './errors.js'

export type RatingHistoryInput = Parameters<EntityRepository<RatingHistoryEntity>['transactPut']>[0]

export type SaveRating = {
  /** The new rating; its `revision` must be the read revision + 1 (1 when there was none). */
  rating: StoredRatingInput
  /** The revision read, or undefined when there was no current rating. */
  readRevision: number | undefined
  history?: RatingHistoryInput
  audit?: AuditEventInput
}

/** Saves atomically; RatingConflictError when the rating or the audit chain moved since it was read. */
export async function saveRating(
  repos: {
    ratings: EntityRepository<RatingEntity>
    history: EntityRepository<RatingHistoryEntity>
    audit: EntityRepository<AuditEntity>
  },
  save: SaveRating,
): Promise<void> {
  const { rating, readRevision } = save
  if (rating.revision !== (readRevision ?? 0) + 1) throw new RangeError('revision must follow the one read')
  const condition =
    readRevision === undefined
      ? { attr: 'uscc' as const, exists: false as const }
      : { attr: 'revision' as const, eq: readRevision }
  const items = [repos.ratings.transactPut(rating, { condition })]
  const history = save.history ? [repos.history.transactPut(save.history)] : []
  const audit = save.audit ? auditAppendItems(repos.audit, save.audit) : undefined
  // A token derived from the whole write: a retry of this very transaction (its answer lost in
  // transit) is a no-op, and no other transaction can share it.
  const clientRequestToken = hashOf({ table: repos.ratings.entity.table.getName(), ...save }).slice(7, 43)
  try {
    await execute(
      { clientRequestToken },
      ...items,
      ...history,
      ...(audit ? [...audit.checks, audit.put] : []),
    )
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new RatingConflictError(`the rating or audit chain of ${rating.uscc} changed since it was read`)
    }
    if (error instanceof ChainBrokenError) throw new RatingConflictError(error.message)
    throw error
  }
}
