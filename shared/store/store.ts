/**
 * The repository: the verbs the rest of Chengxin uses to read and write the table. Nothing outside
 * shared/store/ builds a DynamoDB command.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Entity, FormattedItem } from 'dynamodb-toolbox/entity'
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query'
import { ScanCommand } from 'dynamodb-toolbox/table/actions/scan'
import type { Grade } from '../agency/vocabulary.js'
import { appendAudit } from './audit-chain.js'
import { writeGroups } from './bulk.js'
import { putOnce, versionCondition } from './conditional.js'
import { type Agency, type AgencyInput, defineAgencyEntity } from './entities/agency.js'
import { type AuditEventInput, defineAuditEntity } from './entities/audit.js'
import { type CheckpointInput, defineCheckpointEntity } from './entities/checkpoint.js'
import { defineKeyClaimEntity } from './entities/key-claim.js'
import { defineNonceEntity, type NonceInput } from './entities/nonce.js'
import { defineObjectionEntity, type ObjectionInput } from './entities/objection.js'
import { defineOfficerKeyEntity, type OfficerKeyInput } from './entities/officer.js'
import { defineRatingEntity, defineRatingHistoryEntity, type StoredRating } from './entities/rating.js'
import { type CreditRecord, type CreditRecordInput, defineRecordEntity } from './entities/record.js'
import { ReplayError } from './errors.js'
import { fileObjection } from './file-objection.js'
import { changeOfficerKey, type OfficerChange } from './officer-change.js'
import { MAX_SCAN_PAGE_SIZE, type Page, type PageRequest, paged } from './paging.js'
import { type SaveRating, saveRating } from './save-rating.js'
import { type SubmitRecord, submitRecord } from './submit-record.js'
import { createTable } from './table.js'
import { type CorruptReport, getTolerant, logCorrupt, sendTolerant } from './tolerant.js'

/** An item of a rating-inputs scan: a profile, a rating without its basis, or a record. */
export type ScannedItem =
  | (Agency & { entity: 'Agency' })
  | (Omit<StoredRating, 'basis' | 'attestation'> & { entity: 'Rating' })
  | (CreditRecord & { entity: 'CreditRecord' })

/** An item of a directory scan: a profile or a rating without its basis. */
export type DirectoryItem = Exclude<ScannedItem, { entity: 'CreditRecord' }>

/** An item of an export scan: a profile, a rating with its basis, or a record. */
export type ExportItem =
  | (Agency & { entity: 'Agency' })
  | (StoredRating & { entity: 'Rating' })
  | (CreditRecord & { entity: 'CreditRecord' })

/** Where the store reads and writes. */
export type StoreOptions = {
  documentClient: DynamoDBDocumentClient
  tableName: string | (() => string)
  /** Where a corrupt item, skipped by a read, is reported (default: a JSON line on stderr). */
  onCorrupt?: CorruptReport
}

/** Builds the repository over one table. */
export function createStore({ documentClient, tableName, onCorrupt = logCorrupt }: StoreOptions) {
  const table = createTable(documentClient, tableName)
  const agencyEntity = defineAgencyEntity(table)
  const recordEntity = defineRecordEntity(table)
  const agencies = agencyEntity.build(EntityRepository)
  const records = recordEntity.build(EntityRepository)
  const ratingEntity = defineRatingEntity(table)
  const ratings = ratingEntity.build(EntityRepository)
  const history = defineRatingHistoryEntity(table).build(EntityRepository)
  const objectionEntity = defineObjectionEntity(table)
  const objections = objectionEntity.build(EntityRepository)
  const auditEntity = defineAuditEntity(table)
  const audit = auditEntity.build(EntityRepository)
  const officerKeys = defineOfficerKeyEntity(table).build(EntityRepository)
  const checkpoints = defineCheckpointEntity(table).build(EntityRepository)
  const nonces = defineNonceEntity(table).build(EntityRepository)
  const keyClaims = defineKeyClaimEntity(table).build(EntityRepository)
  const agencyPartition = (uscc: string) => `AGENCY#${uscc}`
  const SCAN_ATTRIBUTES = [
    ...new Set([
      ...Object.keys(agencyEntity.attributes),
      ...Object.keys(recordEntity.attributes),
      ...Object.keys(ratingEntity.attributes).filter((name) => name !== 'basis' && name !== 'attestation'),
    ]),
  ] as ('uscc' | 'name')[]
  const all = { maxPages: Number.POSITIVE_INFINITY } as const
  /** Every item of a partition's range, corrupt ones reported and skipped (tolerant.ts). */
  const queryAll = async <E extends Entity>(
    entity: E,
    query: { partition: string; range: { beginsWith: string } },
  ) => {
    const command = table.build(QueryCommand).entities(entity).query(query).options(all)
    const { Items = [] } = await sendTolerant(
      documentClient,
      command,
      [entity],
      { allPages: true },
      onCorrupt,
    )
    return Items as FormattedItem<E>[]
  }
  const getOne = <T>(get: () => Promise<T | undefined>, pk: string, sk: string) =>
    getTolerant(get, { pk, sk }, onCorrupt)

  return {
    /**
     * One page of a consistent parallel scan over profiles, ratings and records (segment `segment`
     * of `segments`). An agency's items come together, profile then rating then records, though a
     * page may end in the middle of them.
     */
    async scanRatingInputs(
      segment: number,
      segments: number,
      page: PageRequest = {},
    ): Promise<Page<ScannedItem>> {
      return paged(
        `inputs|${segment}/${segments}`,
        { ...page, maxLimit: MAX_SCAN_PAGE_SIZE },
        async (options) => {
          const command = table
            .build(ScanCommand)
            .entities(agencyEntity, ratingEntity, recordEntity)
            .options({
              segment,
              totalSegments: segments,
              consistent: true,
              showEntityAttr: true,
              // Everything but the rating's basis, the bulk of the data and not needed to tell whether
              // a rating is still current.
              attributes: SCAN_ATTRIBUTES,
              ...options,
            })
          const output = await sendTolerant(
            documentClient,
            command,
            [agencyEntity, ratingEntity, recordEntity],
            { attributes: SCAN_ATTRIBUTES, showEntityAttr: true },
            onCorrupt,
          )
          return output as unknown as { Items?: ScannedItem[]; LastEvaluatedKey?: Record<string, unknown> }
        },
      )
    },

    /**
     * One page of a parallel scan over profiles, ratings (with their basis) and records, for the open
     * data export. An agency's items come together, though a page may end in the middle of them.
     */
    async scanExport(segment: number, segments: number, page: PageRequest = {}): Promise<Page<ExportItem>> {
      return paged(
        `export|${segment}/${segments}`,
        { ...page, maxLimit: MAX_SCAN_PAGE_SIZE },
        async (options) => {
          const command = table
            .build(ScanCommand)
            .entities(agencyEntity, ratingEntity, recordEntity)
            .options({ segment, totalSegments: segments, consistent: true, showEntityAttr: true, ...options })
          const output = await sendTolerant(
            documentClient,
            command,
            [agencyEntity, ratingEntity, recordEntity],
            { showEntityAttr: true },
            onCorrupt,
          )
          return output as unknown as { Items?: ExportItem[]; LastEvaluatedKey?: Record<string, unknown> }
        },
      )
    },

    /** One page of a parallel scan over profiles and ratings (without basis), for directories and search. */
    async scanDirectory(
      segment: number,
      segments: number,
      page: PageRequest = {},
    ): Promise<Page<DirectoryItem>> {
      return paged(
        `directory|${segment}/${segments}`,
        { ...page, maxLimit: MAX_SCAN_PAGE_SIZE },
        async (options) => {
          const command = table
            .build(ScanCommand)
            .entities(agencyEntity, ratingEntity)
            .options({
              segment,
              totalSegments: segments,
              showEntityAttr: true,
              attributes: SCAN_ATTRIBUTES,
              ...options,
            })
          const output = await sendTolerant(
            documentClient,
            command,
            [agencyEntity, ratingEntity],
            { attributes: SCAN_ATTRIBUTES, showEntityAttr: true },
            onCorrupt,
          )
          return output as unknown as { Items?: DirectoryItem[]; LastEvaluatedKey?: Record<string, unknown> }
        },
      )
    },

    /** Submits a record with its nonce and audit event (see submit-record.ts for what each failure means). */
    async submitRecord(submit: SubmitRecord): Promise<void> {
      await submitRecord({ records, nonces, audit, objections, officerKeys }, submit)
    },

    /** Spends a request nonce; ReplayError if it was spent before (by anyone, at any time until it expires). */
    async spendNonce(nonce: NonceInput): Promise<void> {
      try {
        await nonces.put(nonce, { condition: { attr: 'nonce', exists: false } })
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException')
          throw new ReplayError(`nonce ${nonce.nonce.slice(0, 64)} was already used`)
        throw error
      }
    },

    /** A job's checkpoint for one segment, or undefined. */
    async getCheckpoint(job: string, segment: number) {
      return (await checkpoints.get({ job, segment }, { consistent: true })).Item
    },
    /** Records a job's progress in one segment. */
    async putCheckpoint(checkpoint: CheckpointInput): Promise<void> {
      await checkpoints.put(checkpoint)
    },

    /** Reads one (absent) item: proves the table exists and answers. */
    async ping(): Promise<void> {
      await agencies.get({ uscc: 'HEALTHCHECK' })
    },

    /** True when the table holds no item at all. */
    async isEmpty(): Promise<boolean> {
      const { Items = [] } = await table.build(ScanCommand).options({ limit: 1 }).send()
      return Items.length === 0
    },

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
    /** The newest audit event of an agency, read consistently (to chain the next one). */
    async lastAuditConsistent(uscc: string) {
      const { Items = [] } = await audit.query(
        { partition: agencyPartition(uscc), range: { beginsWith: 'AUDIT#' } },
        { reverse: true, limit: 1, consistent: true },
      )
      return Items[0]
    },

    /** The cached current rating, or undefined. */
    async getRating(uscc: string) {
      return getOne(async () => (await ratings.get({ uscc })).Item, agencyPartition(uscc), 'RATING')
    },
    /**
     * Saves a new current rating (with history and audit when given) in one transaction, only if the
     * rating is still at the revision read: RatingConflictError otherwise.
     */
    async saveRating(save: SaveRating): Promise<void> {
      await saveRating({ ratings, history, audit }, save)
    },
    /** Current ratings of one grade, by region code then USCC, within a GB/T 2260 prefix. */
    async listRatingsByGrade(grade: Grade, regionPrefix = '', page: PageRequest = {}) {
      return paged(`byGrade|GRADE#${grade}|${regionPrefix}`, page, (options) =>
        ratings.query(
          { index: 'byGrade', partition: `GRADE#${grade}`, ...prefixRange(regionPrefix) },
          options,
        ),
      )
    },
    /** Current ratings whose validUntil falls on a CST calendar day, earliest first. */
    async listRatingsDueOn(day: string, page: PageRequest = {}) {
      return paged(`byDueDate|DUE#${day}`, page, (options) =>
        ratings.query({ index: 'byDueDate', partition: `DUE#${day}` }, options),
      )
    },

    /** Grade changes, newest first. */
    async listRatingHistory(uscc: string, page: PageRequest = {}) {
      return paged(`history|${uscc}`, page, (options) =>
        history.query(
          { partition: agencyPartition(uscc), range: { beginsWith: 'HISTORY#' } },
          { ...options, reverse: true },
        ),
      )
    },

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
    /** An agency's whole audit chain, oldest first. */
    async listAudit(uscc: string) {
      return queryAll(auditEntity, { partition: agencyPartition(uscc), range: { beginsWith: 'AUDIT#' } })
    },

    /** One registered officer key, or undefined. */
    async getOfficerKey(officerId: string, kid: string) {
      // Consistent: a key revoked a moment ago must already be refused.
      return (await officerKeys.get({ officerId, kid }, { consistent: true })).Item
    },
    /** Registers a key; fails with AlreadyExistsError if that kid is already registered. */
    async addOfficerKey(key: OfficerKeyInput): Promise<void> {
      await putOnce(
        key,
        () => officerKeys.put(key, { condition: { attr: 'officerId', exists: false } }),
        async () =>
          (await officerKeys.get({ officerId: key.officerId, kid: key.kid }, { consistent: true })).Item,
      )
    },
    /** Registers or revokes a key with the admin's nonce and a registry audit event, in one transaction. */
    async changeOfficerKey(change: OfficerChange): Promise<void> {
      await changeOfficerKey({ officerKeys, nonces, audit, keyClaims }, change)
    },
    /** Revokes a key (from now on every request it signs is refused); false if there is no such key. */
    async revokeOfficerKey(officerId: string, kid: string, at: string): Promise<boolean> {
      const key = (await officerKeys.get({ officerId, kid }, { consistent: true })).Item
      if (!key) return false
      if (key.status === 'revoked') return true
      await officerKeys.put(
        { ...key, status: 'revoked', revokedAt: at },
        { condition: { attr: 'status', eq: 'active' } },
      )
      return true
    },
    /** Every key an officer has registered. */
    async listOfficerKeys(officerId: string) {
      const { Items = [] } = await officerKeys.query({ partition: `OFFICER#${officerId}` }, all)
      return Items
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

/** The repository's verbs. */
export type Store = ReturnType<typeof createStore>

/** Range condition for a region prefix; an empty prefix means the whole partition. */
function prefixRange(regionPrefix: string) {
  return regionPrefix ? { range: { beginsWith: regionPrefix } } : {}
}
