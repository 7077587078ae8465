/**
 * Audit events form a hash chain per agency: event n names the hash of event n−1, and its own hash
 * covers its content and that link, as canonical JSON. Anyone holding the chain can verify it.
 */
import { canonicalJson, sha256 } from '../canonical/json.js'

/** The chain of officer-registry changes (keys given and revoked), kept beside the agencies' chains. */
export const REGISTRY_CHAIN = 'REGISTRY'

/** The prevHash of event 1. */
export const AUDIT_GENESIS = `sha256:${'0'.repeat(64)}`

/** What an actor did to what, and when. */
export type AuditFacts = {
  uscc: string
  at: string
  actor: string
  action: string
  subject: string
  detail: unknown
}

/** A chained audit event, ready to append. */
export type ChainedEvent = AuditFacts & { seq: number; prevHash: string; hash: string }

/** The event that follows `previous` (or starts the chain). */
export function nextAuditEvent(
  previous: { seq: number; hash: string } | undefined,
  facts: AuditFacts,
): ChainedEvent {
  const seq = (previous?.seq ?? 0) + 1
  const prevHash = previous?.hash ?? AUDIT_GENESIS
  const hash = sha256(canonicalJson({ ...facts, seq, prevHash }))
  return { ...facts, seq, prevHash, hash }
}

/** Checks a whole chain, oldest first: the seq of the first bad event, or undefined when all hold. */
export function verifyChain(events: readonly ChainedEvent[]): number | undefined {
  let previous: { seq: number; hash: string } | undefined
  for (const event of events) {
    const { seq, prevHash, hash, ...facts } = event
    const expected = nextAuditEvent(previous, facts)
    if (seq !== expected.seq || prevHash !== expected.prevHash || hash !== expected.hash) return seq
    previous = event
  }
  return undefined
}

/** An audit item as read from the table (with whatever else it carries) as a chain event. */
export function asChainedEvent(item: Record<string, unknown>, uscc: string): ChainedEvent {
  const { at, actor, action, subject, detail, seq, prevHash, hash } = item as ChainedEvent
  return { uscc, at, actor, action, subject, detail, seq, prevHash, hash }
}
