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
import { type ChainedEvent, REGISTRY_CHAIN, verifyChain } from '../../shared/audit/chain.js'
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
  const problems = [...(await signatureProblems(store, events))]
  if (uscc !== REGISTRY_CHAIN) problems.push(...(await missingEvents(store, uscc, events)))
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

async function missingEvents(store: VerifyStore, uscc: string, events: ChainedEvent[]): Promise<string[]> {
  const bySubject = new Map<string, Set<string>>()
  for (const e of events) bySubject.set(e.subject, (bySubject.get(e.subject) ?? new Set()).add(e.action))
  const problems: string[] = []
  for (const record of await store.listRecords(uscc)) {
    // Records imported as demo data or from the register's first load carry no officer's hand.
    if (!record.submitted?.signature) continue
    const actions = bySubject.get(`RECORD#${record.occurredOn}#${record.id}`) ?? new Set()
    if (!actions.has('record.submitted'))
      problems.push(`record ${record.id}: its submission is not in the chain`)
    if (record.reviewed && !actions.has('record.approved') && !actions.has('record.rejected'))
      problems.push(`record ${record.id}: its ${record.status} decision is not in the chain`)
  }
  const decisions: Record<string, string[]> = {
    under_review: ['objection.accepted'],
    upheld: ['objection.accepted', 'objection.upheld'],
    dismissed: ['objection.accepted', 'objection.dismissed'],
  }
  for (const objection of await store.listObjections(uscc)) {
    const actions = bySubject.get(`OBJECTION#${objection.id}`) ?? new Set()
    for (const action of decisions[objection.status] ?? [])
      if (!actions.has(action)) problems.push(`objection ${objection.id}: ${action} is not in the chain`)
  }
  const rating = await store.getRating(uscc)
  const lastChange = events.findLast((e) => e.action === 'rating.changed')
  const to = (lastChange?.detail as { to?: { grade: string; score: number | null } } | undefined)?.to
  if (rating && (!to || to.grade !== rating.grade || to.score !== (rating.score ?? null)))
    problems.push(`rating: the current grade ${rating.grade} is not the one the chain last recorded`)
  return problems
}
