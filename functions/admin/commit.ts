/**
 * How every officer's change to an agency is written: the record (and the objection it settles, if
 * any), the request's nonce and the agency's next audit event, in one transaction
 * (shared/store/submit-record.ts), read again and retried while the audit chain moves under it.
 * A replay, a lost race and a busy chain come back as answers the routes map to HTTP.
 */
import { type ChainedEvent, nextAuditEvent } from '../../shared/audit/chain.js'
import { MAX_SKEW_MS } from '../../shared/auth/request-signature.js'
import type { NonceInput } from '../../shared/store/entities/nonce.js'
import {
  AlreadyExistsError,
  ChainBrokenError,
  KeyClaimedError,
  ReplayError,
  RevokedKeyError,
  VersionConflictError,
} from '../../shared/store/errors.js'
import type { Store } from '../../shared/store/store.js'
import type { SubmitRecord } from '../../shared/store/submit-record.js'
import type { Officer } from './auth.js'

export type Refusal = { status: 401 | 409; error: string; message: string }

const ATTEMPTS = 5

/** The request's nonce as spent at `at`, kept until no signature carrying it could be accepted. */
export function spentNonce(officer: Officer, at: Date): NonceInput {
  return {
    nonce: officer.claims.nonce,
    officerId: officer.officerId,
    usedAt: at.toISOString(),
    expiresAt: Math.ceil((at.getTime() + 2 * MAX_SKEW_MS) / 1000),
  }
}

export const REVOKED: Refusal = {
  status: 401,
  error: 'revoked_key',
  message: 'The key that signed this request was revoked before the change could be made; nothing changed',
}

export const REPLAYED: Refusal = {
  status: 401,
  error: 'replayed_request',
  message: 'This signed request was already used; sign a new one',
}

export type AuditFacts = { action: string; subject: string; detail: Record<string, unknown> }

/**
 * Writes one change. 'exists': a new record's id is taken; 'conflict': the record or objection
 * changed since it was read; a Refusal for a replay or a chain too busy to join.
 */
export async function commitChange(
  store: Pick<Store, 'lastAuditConsistent' | 'submitRecord'>,
  officer: Officer,
  at: Date,
  change: Omit<SubmitRecord, 'nonce' | 'audit'> & AuditFacts,
): Promise<'done' | 'exists' | 'conflict' | Refusal> {
  const { action, subject, detail, ...write } = change
  return commitAudited(store, officer, at, write.record.uscc, { action, subject, detail }, (nonce, audit) =>
    store.submitRecord({
      ...write,
      nonce,
      audit,
      signer: { officerId: officer.officerId, kid: officer.kid },
    }),
  )
}

/**
 * Runs `write` with the request's nonce and the next event of audit chain `chain` (an agency's
 * USCC, or REGISTRY_CHAIN), reading the chain again while it moves under the write.
 */
export async function commitAudited(
  store: Pick<Store, 'lastAuditConsistent'>,
  officer: Officer,
  at: Date,
  chain: string,
  facts: AuditFacts,
  write: (nonce: NonceInput, audit: ChainedEvent) => Promise<void>,
): Promise<'done' | 'exists' | 'conflict' | Refusal> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const audit = nextAuditEvent(await store.lastAuditConsistent(chain), {
      uscc: chain,
      at: at.toISOString(),
      actor: officer.officerId,
      action: facts.action,
      subject: facts.subject,
      detail: { ...facts.detail, signature: officer.jws },
    })
    try {
      await write(spentNonce(officer, at), audit)
      return 'done'
    } catch (error) {
      if (error instanceof ReplayError) return REPLAYED
      if (error instanceof RevokedKeyError) return REVOKED
      if (error instanceof KeyClaimedError)
        return {
          status: 409,
          error: 'key_claimed',
          message: 'This public key is registered to another officer; each officer signs with their own key',
        }
      if (error instanceof AlreadyExistsError) return 'exists'
      if (error instanceof VersionConflictError) return 'conflict'
      if (error instanceof ChainBrokenError) continue
      throw error
    }
  }
  return { status: 409, error: 'busy', message: 'The agency is being changed by others; try again' }
}

/**
 * One signed request that makes several changes (an import's rows, an officer's keys): the request's
 * own nonce is spent first, so a replay of the whole request is refused before any change; each part
 * then spends a nonce of its own derived from it (`partOf`).
 */
export async function spendRequestNonce(
  store: Pick<Store, 'spendNonce'>,
  officer: Officer,
  at: Date,
): Promise<Refusal | undefined> {
  try {
    await store.spendNonce(spentNonce(officer, at))
    return undefined
  } catch (error) {
    if (error instanceof ReplayError) return REPLAYED
    throw error
  }
}

/** The officer as signer of part `index` of a request that makes several changes. */
export function partOf(officer: Officer, index: number): Officer {
  return { ...officer, claims: { ...officer.claims, nonce: `${officer.claims.nonce}.${index}` } }
}
