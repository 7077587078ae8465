/**
 * An officer's submission of a record, in one transaction: the record (only if its id is new), the
 * request's nonce (only if unspent), the agency's next audit event (only if the chain has not
 * moved), and a check that the signer's key is still active. So a replay writes nothing, a retry
 * never makes a second record, the audit chain never forks, and a key revoked while its request
 * was under way changes nothing. Which condition failed says what happened.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { auditAppendItems } from './audit-chain.js'
import type { AuditEntity, AuditEventInput } from './entities/audit.js'
import type { NonceEntity, NonceInput } from './entities/nonce.js'
import type { ObjectionEntity, ObjectionInput } from './entities/objection.js'
import type { OfficerKeyEntity } from './entities/officer.js'
import type { CreditRecordInput, RecordEntity } from './entities/record.js'
import {
  AlreadyExistsError,
  ChainBrokenError,
  ReplayError,
  RevokedKeyError,
  VersionConflictError,
} from './errors.js'

/** A record written by an officer: new (`replaces` undefined) or replacing the version read. */
export type SubmitRecord = {
  record: CreditRecordInput
  /** The version the change was made from; undefined for a new record. */
  replaces?: number
  nonce: NonceInput
  audit: AuditEventInput
  /** An objection decided with the record, replacing the version read. */
  objection?: { item: ObjectionInput; replaces: number }
  /** The key that signed the request: it must still be active when the write lands. */
  signer?: { officerId: string; kid: string }
}

export async function submitRecord(
  repos: {
    records: EntityRepository<RecordEntity>
    nonces: EntityRepository<NonceEntity>
    audit: EntityRepository<AuditEntity>
    objections: EntityRepository<ObjectionEntity>
    officerKeys: EntityRepository<OfficerKeyEntity>
  },
  submit: SubmitRecord,
): Promise<void> {
  const audit = auditAppendItems(repos.audit, submit.audit)
  const items: Parameters<typeof execute> = [
    repos.records.transactPut(submit.record, {
      condition:
        submit.replaces === undefined
          ? { attr: 'uscc', exists: false }
          : { attr: 'version', eq: submit.replaces },
    }),
    repos.nonces.transactPut(submit.nonce, { condition: { attr: 'nonce', exists: false } }),
    ...audit.checks,
    audit.put,
  ]
  const objectionAt = submit.objection ? items.length : -1
  if (submit.objection)
    items.push(
      repos.objections.transactPut(submit.objection.item, {
        condition: { attr: 'version', eq: submit.objection.replaces },
      }),
    )
  const signerAt = submit.signer ? items.length : -1
  if (submit.signer)
    items.push(repos.officerKeys.transactCheck(submit.signer, { attr: 'status', eq: 'active' }))
  try {
    await execute(...items)
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error
    const failed = (error.CancellationReasons ?? []).map((r) => r.Code === 'ConditionalCheckFailed')
    if (signerAt >= 0 && failed[signerAt])
      throw new RevokedKeyError(`key ${submit.signer?.kid} was revoked before the change landed`)
    // A replay is a replay even though its record, too, exists by now.
    if (failed[1]) throw new ReplayError(`nonce ${submit.nonce.nonce.slice(0, 64)} was already used`)
    if (failed[0] && submit.replaces === undefined)
      throw new AlreadyExistsError(`record ${submit.record.id} already exists`)
    if (failed[0])
      throw new VersionConflictError(`record ${submit.record.id} changed since version ${submit.replaces}`)
    if (objectionAt >= 0 && failed[objectionAt])
      throw new VersionConflictError(`objection ${submit.objection?.item.id} changed since it was read`)
    throw new ChainBrokenError(`the audit chain of ${submit.record.uscc} moved; read it again`)
  }
}
