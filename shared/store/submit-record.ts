/**
 * An officer's submission of a record, in one transaction: the record (only if its id is new), the
 * request's nonce (only if unspent) and the agency's next audit event (only if the chain has not
 * moved). So a replay writes nothing, a retry never makes a second record, and the audit chain never
 * forks. Which condition failed says what happened.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { auditAppendItems } from './audit-chain.js'
import type { AuditEntity, AuditEventInput } from './entities/audit.js'
import type { NonceEntity, NonceInput } from './entities/nonce.js'
import type { ObjectionEntity, ObjectionInput } from './entities/objection.js'
import type { CreditRecordInput, RecordEntity } from './entities/record.js'
import { AlreadyExistsError, ChainBrokenError, ReplayError, VersionConflictError } from './errors.js'

/** A record written by an officer: new (`replaces` undefined) or replacing the version read. */
export type SubmitRecord = {
  record: CreditRecordInput
  /** The version the change was made from; undefined for a new record. */
  replaces?: number
  nonce: NonceInput
  audit: AuditEventInput
  /** An objection decided with the record, replacing the version read. */
  objection?: { item: ObjectionInput; replaces: number }
}

export async function submitRecord(
  repos: {
    records: EntityRepository<RecordEntity>
    nonces: EntityRepository<NonceEntity>
    audit: EntityRepository<AuditEntity>
    objections: EntityRepository<ObjectionEntity>
  },
  submit: SubmitRecord,
): Promise<void> {
  const audit = auditAppendItems(repos.audit, submit.audit)
  try {
    await execute(
      repos.records.transactPut(submit.record, {
        condition:
          submit.replaces === undefined
            ? { attr: 'uscc', exists: false }
            : { attr: 'version', eq: submit.replaces },
      }),
      repos.nonces.transactPut(submit.nonce, { condition: { attr: 'nonce', exists: false } }),
      ...audit.checks,
      audit.put,
      ...(submit.objection
        ? [
            repos.objections.transactPut(submit.objection.item, {
              condition: { attr: 'version', eq: submit.objection.replaces },
            }),
          ]
        : []),
    )
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error
    const failed = (error.CancellationReasons ?? []).map((r) => r.Code === 'ConditionalCheckFailed')
    // A replay is a replay even though its record, too, exists by now.
    if (failed[1]) throw new ReplayError(`nonce ${submit.nonce.nonce.slice(0, 64)} was already used`)
    if (failed[0] && submit.replaces === undefined)
      throw new AlreadyExistsError(`record ${submit.record.id} already exists`)
    if (failed[0])
      throw new VersionConflictError(`record ${submit.record.id} changed since version ${submit.replaces}`)
    if (submit.objection && failed.at(-1))
      throw new VersionConflictError(`objection ${submit.objection.item.id} changed since it was read`)
    throw new ChainBrokenError(`the audit chain of ${submit.record.uscc} moved; read it again`)
  }
}
