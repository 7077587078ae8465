/**
 * A public objection filed: the objection (only if its id is new) and the agency's next audit event
 * (only if the chain has not moved), in one transaction, so every filing is on the record.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { auditAppendItems } from './audit-chain.js'
import type { AuditEntity, AuditEventInput } from './entities/audit.js'
import type { ObjectionEntity, ObjectionInput } from './entities/objection.js'
import { AlreadyExistsError, ChainBrokenError } from './errors.js'

export async function fileObjection(
  repos: { objections: EntityRepository<ObjectionEntity>; audit: EntityRepository<AuditEntity> },
  objection: ObjectionInput,
  event: AuditEventInput,
): Promise<void> {
  const audit = auditAppendItems(repos.audit, event)
  try {
    await execute(
      repos.objections.transactPut(objection, { condition: { attr: 'uscc', exists: false } }),
      ...audit.checks,
      audit.put,
    )
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error
    if (error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
      throw new AlreadyExistsError(`objection ${objection.id} already exists`)
    throw new ChainBrokenError(`the audit chain of ${objection.uscc} moved; read it again`)
  }
}
