/** Objections to records, and the queue of open ones. */
import { putOnce, versionCondition } from '../conditional.js'
import type { AuditEventInput } from '../entities/audit.js'
import type { ObjectionInput } from '../entities/objection.js'
import { fileObjection } from '../file-objection.js'
import { type PageRequest, paged } from '../paging.js'
import type { StoreParts } from '../parts.js'

export function objectionVerbs({
  objectionEntity,
  objections,
  audit,
  agencyPartition,
  queryAll,
  getOne,
  prefixRange,
}: StoreParts) {
  return {
    /** One objection, or undefined. */
    async getObjection(uscc: string, id: string) {
      return getOne(
        async () => (await objections.get({ uscc, id })).Item,
        agencyPartition(uscc),
        `OBJECTION#${id}`,
      )
    },
    /** Creates (version 1) or replaces the version before `objection.version`. */
    async putObjection(objection: ObjectionInput): Promise<void> {
      const condition = versionCondition('uscc', objection.version)
      const key = { uscc: objection.uscc, id: objection.id }
      await putOnce(
        objection,
        () => objections.put(objection, { condition }),
        async () => (await objections.get(key, { consistent: true })).Item,
      )
    },
    /** Files a new objection with the agency's next audit event, in one transaction. */
    async fileObjection(objection: ObjectionInput, event: AuditEventInput): Promise<void> {
      await fileObjection({ objections, audit }, objection, event)
    },
    /** All of an agency's objections. */
    async listObjections(uscc: string) {
      return queryAll(objectionEntity, {
        partition: agencyPartition(uscc),
        range: { beginsWith: 'OBJECTION#' },
      })
    },
    /** Open objections, oldest first, within a GB/T 2260 prefix. */
    async listOpenObjections(regionPrefix: string, page: PageRequest = {}) {
      return paged(`queue|QUEUE#OBJECTION|${regionPrefix}`, page, (options) =>
        objections.query(
          { index: 'queue', partition: 'QUEUE#OBJECTION', ...prefixRange(regionPrefix) },
          options,
        ),
      )
    },
  }
}
