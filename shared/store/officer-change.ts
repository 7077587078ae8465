/**
 * An officer key registered (claimed for that officer only) or revoked, in one transaction with the
 * admin's nonce and the next event of the officer registry's audit chain (REGISTRY_CHAIN). So who
 * gave or took whose key is as provable as any record, and a replay or a lost race writes nothing.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { auditAppendItems } from './audit-chain.js'
import type { AuditEntity, AuditEventInput } from './entities/audit.js'
import type { KeyClaimEntity } from './entities/key-claim.js'
import type { NonceEntity, NonceInput } from './entities/nonce.js'
import type { OfficerKeyEntity, OfficerKeyInput } from './entities/officer.js'
import {
  AlreadyExistsError,
  ChainBrokenError,
  KeyClaimedError,
  ReplayError,
  RevokedKeyError,
  VersionConflictError,
} from './errors.js'

export type OfficerChange = {
  /** The key as it is to be stored. */
  key: OfficerKeyInput
  /** 'new': the kid must not be registered yet; 'active': the stored key must still be active. */
  expects: 'new' | 'active'
  /** The admin's request nonce; none for the local bootstrap of the first admin. */
  nonce?: NonceInput
  audit: AuditEventInput
  /** The admin's key: it must still be active when the change lands (unless it is the key changed). */
  signer?: { officerId: string; kid: string }
}

export async function changeOfficerKey(
  repos: {
    officerKeys: EntityRepository<OfficerKeyEntity>
    nonces: EntityRepository<NonceEntity>
    audit: EntityRepository<AuditEntity>
    keyClaims: EntityRepository<KeyClaimEntity>
  },
  change: OfficerChange,
): Promise<void> {
  const audit = auditAppendItems(repos.audit, change.audit)
  const signer = change.signer
  const checkSigner =
    signer !== undefined && !(signer.officerId === change.key.officerId && signer.kid === change.key.kid)
  try {
    await execute(
      repos.officerKeys.transactPut(change.key, {
        condition:
          change.expects === 'new' ? { attr: 'officerId', exists: false } : { attr: 'status', eq: 'active' },
      }),
      ...(change.nonce
        ? [repos.nonces.transactPut(change.nonce, { condition: { attr: 'nonce', exists: false } })]
        : []),
      ...audit.checks,
      audit.put,
      // A new key is claimed for its officer once and for all.
      ...(change.expects === 'new'
        ? [
            repos.keyClaims.transactPut(
              { kid: change.key.kid, officerId: change.key.officerId },
              { condition: { attr: 'officerId', exists: false } },
            ),
          ]
        : []),
      ...(checkSigner && signer
        ? [repos.officerKeys.transactCheck(signer, { attr: 'status', eq: 'active' })]
        : []),
    )
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error
    const failed = (error.CancellationReasons ?? []).map((r) => r.Code === 'ConditionalCheckFailed')
    if (checkSigner && failed.at(-1)) throw new RevokedKeyError(`key ${signer?.kid} was revoked meanwhile`)
    if (change.nonce && failed[1])
      throw new ReplayError(`nonce ${change.nonce.nonce.slice(0, 64)} was already used`)
    if (failed[0] && change.expects === 'new')
      throw new AlreadyExistsError(`key ${change.key.kid} of ${change.key.officerId} is already registered`)
    const claimAt = failed.length - (checkSigner ? 2 : 1)
    if (change.expects === 'new' && failed[claimAt])
      throw new KeyClaimedError(`key ${change.key.kid} is already registered to another officer`)
    if (failed[0]) throw new VersionConflictError(`key ${change.key.kid} is no longer active`)
    throw new ChainBrokenError('the officer registry audit chain moved; read it again')
  }
}
