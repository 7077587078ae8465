/** Each agency's audit chain. */
import { appendAudit } from '../audit-chain.js'
import type { AuditEventInput } from '../entities/audit.js'
import type { StoreParts } from '../parts.js'

export function auditVerbs({ auditEntity, audit, agencyPartition, queryAll }: StoreParts) {
  return {
    /** Appends an audit event after the previous one (see audit-chain.ts); ChainBrokenError otherwise. */
    async appendAudit(event: AuditEventInput): Promise<void> {
      await appendAudit(audit, event)
    },
    /** The newest audit event of an agency, or undefined. */
    async lastAudit(uscc: string) {
      const { Items = [] } = await audit.query(
        { partition: agencyPartition(uscc), range: { beginsWith: 'AUDIT#' } },
        { reverse: true, limit: 1 },
      )
      return Items[0]
    },
    /** The newest audit event of an agency, read consistently (to chain the next one). */
    async lastAuditConsistent(uscc: string) {
      const { Items = [] } = await audit.query(
        { partition: agencyPartition(uscc), range: { beginsWith: 'AUDIT#' } },
        { reverse: true, limit: 1, consistent: true },
      )
      return Items[0]
    },
    /** An agency's whole audit chain, oldest first. */
    async listAudit(uscc: string) {
      return queryAll(auditEntity, { partition: agencyPartition(uscc), range: { beginsWith: 'AUDIT#' } })
    },
  }
}
