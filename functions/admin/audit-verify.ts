/**
 * Re-walks an audit chain and cross-checks it:
 * - every event must follow the one before it (seq, prevHash) and its hash must cover its content,
 *   so a changed, reordered or deleted event breaks the chain at the first event after it (or at
 *   itself); the report names that seq;
 * - every officer's signature kept in an event must verify with that officer's registered key and
 *   name the event's actor;
 * - every record of the agency must have its submission (and its decision, once decided) in the
 *   chain, every decided objection its decisions, and the current grade must be the one the last
 *   rating event names, so cutting the newest events off the end does not go unnoticed either.
 */
import { compactVerify, type JWK } from 'jose'
import { asChainedEvent, type ChainedEvent, REGISTRY_CHAIN, verifyChain } from '../../shared/audit/chain.js'
import { recordSubject, unrecordedChanges } from '../../shared/audit/cross-check.js'
import type { Store } from '../../shared/store/store.js'

export type ChainReport = {
  uscc: string
  length: number
  head: string | null
  brokenAt: number | null
  /** Everything else found wrong, one line each. */
  problems: string[]
}

type VerifyStore = Pick<Store, 'listAudit' | 'listRecords' | 'getOfficerKey' | 'getRating' | 'listObjections'>

export async function verifyAuditChain(store: VerifyStore, uscc: string): Promise<ChainReport> {
  const events = (await store.listAudit(uscc)).map((e) => asChainedEvent(e, e.uscc))
  const broken = verifyChain(events)
  const problems = [...(await signatureProblems(store, events))]
  if (uscc !== REGISTRY_CHAIN) {
    const [records, objections, rating] = await Promise.all([
      store.listRecords(uscc),
      store.listObjections(uscc),
      store.getRating(uscc),
    ])
    const witnesses = {
      records: records.map((r) => ({
        id: r.id,
        subject: recordSubject(r.occurredOn, r.id),
        status: r.status,
        signed: Boolean(r.submitted?.signature),
        decided: Boolean(r.reviewed),
      })),
      objections,
      rating,
    }
    problems.push(...unrecordedChanges(witnesses, events))
  }
  return {
    uscc,
    length: events.length,
    head: events.at(-1)?.hash ?? null,
    brokenAt: broken ?? null,
    problems,
  }
}

async function signatureProblems(store: VerifyStore, events: ChainedEvent[]): Promise<string[]> {
  const problems: string[] = []
  const keys = new Map<string, JWK | undefined>()
  for (const event of events) {
    const jws = (event.detail as { signature?: unknown } | null)?.signature
    if (typeof jws !== 'string') continue
    let header: { officer?: string; kid?: string }
    try {
      header = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString('utf8'))
    } catch {
      problems.push(`event ${event.seq}: the kept signature is not a JWS`)
      continue
    }
    if (header.officer !== event.actor) {
      problems.push(`event ${event.seq}: signed by ${header.officer}, recorded as ${event.actor}`)
      continue
    }
    const id = `${header.officer}/${header.kid}`
    if (!keys.has(id))
      keys.set(id, (await store.getOfficerKey(header.officer ?? '', header.kid ?? ''))?.jwk as JWK)
    const jwk = keys.get(id)
    try {
      if (!jwk) throw new Error('unknown key')
      await compactVerify(jws, jwk, { algorithms: ['ES256'] })
    } catch {
      problems.push(`event ${event.seq}: the signature does not verify with ${id}`)
    }
  }
  return problems
}
