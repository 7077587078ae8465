/** Agencies' profiles and credit records. */
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query'
import { writeGroups } from '../bulk.js'
import { putOnce, versionCondition } from '../conditional.js'
import type { Agency, AgencyInput } from '../entities/agency.js'
import type { StoredRating } from '../entities/rating.js'
import type { CreditRecord, CreditRecordInput } from '../entities/record.js'
import { type PageRequest, paged } from '../paging.js'
import type { StoreParts } from '../parts.js'
import { type SubmitRecord, submitRecord } from '../submit-record.js'
import { sendTolerant } from '../tolerant.js'

export function agencyVerbs({
  table,
  documentClient,
  onCorrupt,
  agencyEntity,
  recordEntity,
  agencies,
  records,
  ratingEntity,
  objections,
  audit,
  officerKeys,
  nonces,
  agencyPartition,
  queryAll,
  getOne,
  prefixRange,
}: StoreParts) {
  return {
    /** The agency's profile, or undefined. */
    async getAgency(uscc: string) {
      return getOne(async () => (await agencies.get({ uscc })).Item, agencyPartition(uscc), 'PROFILE')
    },
    /** Creates (version 1) or replaces the version before `agency.version`. */
    async putAgency(agency: AgencyInput): Promise<void> {
      const condition = versionCondition('uscc', agency.version)
      await putOnce(
        agency,
        () => agencies.put(agency, { condition }),
        async () => (await agencies.get({ uscc: agency.uscc }, { consistent: true })).Item,
      )
    },

    /** One credit record by its key, or undefined. */
    async getRecord(uscc: string, occurredOn: string, id: string) {
      return getOne(
        async () => (await records.get({ uscc, occurredOn, id })).Item,
        agencyPartition(uscc),
        `RECORD#${occurredOn}#${id}`,
      )
    },
    /** Creates (version 1) or replaces the version before `record.version`. */
    async putRecord(record: CreditRecordInput): Promise<void> {
      const condition = versionCondition('uscc', record.version)
      const key = { uscc: record.uscc, occurredOn: record.occurredOn, id: record.id }
      await putOnce(
        record,
        () => records.put(record, { condition }),
        async () => (await records.get(key, { consistent: true })).Item,
      )
    },
    /** All of an agency's records, oldest decision first. */
    async listRecords(uscc: string) {
      return queryAll(recordEntity, { partition: agencyPartition(uscc), range: { beginsWith: 'RECORD#' } })
    },
    /** Records awaiting a second officer, oldest first, within a GB/T 2260 prefix ('' for all). */
    async listPendingRecords(regionPrefix: string, page: PageRequest = {}) {
      return paged(`queue|QUEUE#RECORD|${regionPrefix}`, page, (options) =>
        records.query({ index: 'queue', partition: 'QUEUE#RECORD', ...prefixRange(regionPrefix) }, options),
      )
    },

    /**
     * Everything the rating of one agency is computed from, read consistently in one query of its
     * partition: the profile, the current rating and the records (sort keys PROFILE … RECORD#~).
     */
    async loadForRating(uscc: string) {
      const command = table
        .build(QueryCommand)
        .entities(agencyEntity, ratingEntity, recordEntity)
        .query({ partition: agencyPartition(uscc), range: { between: ['PROFILE', 'RECORD$'] } })
        .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY, showEntityAttr: true })
      const { Items = [] } = (await sendTolerant(
        documentClient,
        command,
        [agencyEntity, ratingEntity, recordEntity],
        { showEntityAttr: true, allPages: true },
        onCorrupt,
      )) as Awaited<ReturnType<typeof command.send>>
      let agency: Agency | undefined
      let rating: StoredRating | undefined
      const found: CreditRecord[] = []
      for (const item of Items) {
        if (item.entity === 'Agency') agency = item
        else if (item.entity === 'Rating') rating = item
        else if (item.entity === 'CreditRecord') found.push(item)
      }
      return { agency, rating, records: found }
    },

    /** Submits a record with its nonce and audit event (see submit-record.ts for what each failure means). */
    async submitRecord(submit: SubmitRecord): Promise<void> {
      await submitRecord({ records, nonces, audit, objections, officerKeys }, submit)
    },

    /**
     * Bulk import (demo seed, register import): each agency with its records in one transaction,
     * unconditional puts, so re-running the same import changes nothing.
     */
    async importAgencies(
      input: { agencies: AgencyInput[]; records: CreditRecordInput[] },
      onProgress?: (done: number) => void,
    ) {
      const recordsOf = new Map<string, CreditRecordInput[]>()
      for (const r of input.records) recordsOf.set(r.uscc, [...(recordsOf.get(r.uscc) ?? []), r])
      const groups = input.agencies.map((a) => [
        agencies.transactPut(a),
        ...(recordsOf.get(a.uscc) ?? []).map((r) => records.transactPut(r)),
      ])
      const known = new Set(input.agencies.map((a) => a.uscc))
      const orphans = input.records.filter((r) => !known.has(r.uscc)).map((r) => records.transactPut(r))
      await writeGroups([...groups, orphans], onProgress)
    },
  }
}
