/**
 * Re-walks agencies' audit chains: every event must follow the one before it (seq, prevHash) and
 * its hash must cover its content. A changed, reordered or deleted event breaks the chain at the
 * first event after it (or at itself); the report names that seq.
 */
import { type ChainedEvent, verifyChain } from '../../shared/audit/chain.js'
import type { Store } from '../../shared/store/store.js'

export type ChainReport = { uscc: string; length: number; head: string | null; brokenAt: number | null }

export async function verifyAuditChain(store: Pick<Store, 'listAudit'>, uscc: string): Promise<ChainReport> {
  const events = (await store.listAudit(uscc)) as unknown as ChainedEvent[]
  const broken = verifyChain(
    events.map(({ uscc: u, at, actor, action, subject, detail, seq, prevHash, hash }) => ({
      uscc: u,
      at,
      actor,
      action,
      subject,
      detail,
      seq,
      prevHash,
      hash,
    })),
  )
  return { uscc, length: events.length, head: events.at(-1)?.hash ?? null, brokenAt: broken ?? null }
}
