/**
 * What the audit chain of an agency must contain, given the items beside it: each officer-submitted
 * record's submission and (once decided) its decision, each objection's decisions, and the current
 * grade as the last rating event. A change whose event is missing was cut off the chain, or its
 * transaction is still landing. Pure: `audit verify` feeds it from the store, the backup from the
 * raw items of a partition.
 */
import type { ChainedEvent } from './chain.js'

export type ChainWitnesses = {
  records: readonly { id: string; subject: string; status: string; signed: boolean; decided: boolean }[]
  objections: readonly { id: string; status: string }[]
  rating?: { grade: string; score?: number } | undefined
}

const OBJECTION_DECISIONS: Record<string, string[]> = {
  under_review: ['objection.accepted'],
  upheld: ['objection.accepted', 'objection.upheld'],
  dismissed: ['objection.accepted', 'objection.dismissed'],
}

/** The subject an audit event gives a record. */
export const recordSubject = (occurredOn: string, id: string) => `RECORD#${occurredOn}#${id}`

/** One line per change the chain does not hold. */
export function unrecordedChanges(witnesses: ChainWitnesses, events: readonly ChainedEvent[]): string[] {
  const bySubject = new Map<string, Set<string>>()
  for (const e of events) bySubject.set(e.subject, (bySubject.get(e.subject) ?? new Set()).add(e.action))
  const problems: string[] = []
  for (const record of witnesses.records) {
    // Records imported as demo data or from the register's first load carry no officer's hand.
    if (!record.signed) continue
    const actions = bySubject.get(record.subject) ?? new Set()
    if (!actions.has('record.submitted'))
      problems.push(`record ${record.id}: its submission is not in the chain`)
    if (record.decided && !actions.has('record.approved') && !actions.has('record.rejected'))
      problems.push(`record ${record.id}: its ${record.status} decision is not in the chain`)
  }
  for (const objection of witnesses.objections) {
    const actions = bySubject.get(`OBJECTION#${objection.id}`) ?? new Set()
    for (const action of OBJECTION_DECISIONS[objection.status] ?? [])
      if (!actions.has(action)) problems.push(`objection ${objection.id}: ${action} is not in the chain`)
  }
  const { rating } = witnesses
  const lastChange = events.findLast((e) => e.action === 'rating.changed')
  const to = (lastChange?.detail as { to?: { grade: string; score: number | null } } | undefined)?.to
  if (rating && (!to || to.grade !== rating.grade || to.score !== (rating.score ?? null)))
    problems.push(`rating: the current grade ${rating.grade} is not the one the chain last recorded`)
  return problems
}
