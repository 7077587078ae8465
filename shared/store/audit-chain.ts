/**
 * Appending to an agency's audit chain (shared/audit/chain.ts computes the events). An append is
 * one transaction: a check that the previous event exists with the named hash, and a put that the
 * seq is free. So the stored chain has no gaps, no forks and no rewritten links.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { AUDIT_GENESIS } from '../audit/chain.js'
import { sameItem } from './conditional.js'
import { AUDIT_SEQ_DIGITS, type AuditEntity, type AuditEventInput } from './entities/audit.js'
import { AlreadyExistsError, ChainBrokenError } from './errors.js'

const MAX_SEQ = 10 ** AUDIT_SEQ_DIGITS - 1

/** The transaction items that append `event`: a check on the previous link and a put on a free seq. */
export function auditAppendItems(audit: EntityRepository<AuditEntity>, event: AuditEventInput) {
  if (!Number.isSafeInteger(event.seq) || event.seq < 1 || event.seq > MAX_SEQ) {
    throw new ChainBrokenError(`audit seq must be a whole number from 1 to ${MAX_SEQ}; got ${event.seq}`)
  }
  if (event.seq === 1 && event.prevHash !== AUDIT_GENESIS) {
    throw new ChainBrokenError('the first audit event must name the genesis hash')
  }
  const put = audit.transactPut(event, { condition: { attr: 'uscc', exists: false } })
  const checks =
    event.seq === 1
      ? []
      : [audit.transactCheck({ uscc: event.uscc, seq: event.seq - 1 }, { attr: 'hash', eq: event.prevHash })]
  return { checks, put }
}

/** Appends an event; retrying an append that already landed is harmless. */
export async function appendAudit(
  audit: EntityRepository<AuditEntity>,
  event: AuditEventInput,
): Promise<void> {
  const { checks, put } = auditAppendItems(audit, event)
  try {
    await execute(...checks, put)
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error
    const reasons = error.CancellationReasons ?? []
    if (reasons.at(-1)?.Code === 'ConditionalCheckFailed') {
      if (sameItem((await audit.get({ uscc: event.uscc, seq: event.seq })).Item, event)) return
      throw new AlreadyExistsError(`audit seq ${event.seq} of ${event.uscc} is taken`)
    }
    if (reasons[0]?.Code === 'ConditionalCheckFailed') {
      throw new ChainBrokenError(
        `audit event ${event.seq - 1} of ${event.uscc} is missing or has another hash`,
      )
    }
    throw error
  }
}
