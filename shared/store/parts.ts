/**
 * What the repository's verbs share: the table, its entities and repositories, and the helpers
 * that read pages and tolerate corrupt items. Built once per store.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Entity, FormattedItem } from 'dynamodb-toolbox/entity'
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query'
import { defineAgencyEntity } from './entities/agency.js'
import { defineAuditEntity } from './entities/audit.js'
import { defineCheckpointEntity } from './entities/checkpoint.js'
import { defineKeyClaimEntity } from './entities/key-claim.js'
import { defineNonceEntity } from './entities/nonce.js'
import { defineObjectionEntity } from './entities/objection.js'
import { defineOfficerKeyEntity } from './entities/officer.js'
import { defineRatingEntity, defineRatingHistoryEntity } from './entities/rating.js'
import { defineRecordEntity } from './entities/record.js'
import { createTable } from './table.js'
import { type CorruptReport, getTolerant, logCorrupt, sendTolerant } from './tolerant.js'

/** Where the store reads and writes. */
export type StoreOptions = {
  documentClient: DynamoDBDocumentClient
  tableName: string | (() => string)
  /** Where a corrupt item, skipped by a read, is reported (default: a JSON line on stderr). */
  onCorrupt?: CorruptReport
}

/** The table, entities, repositories and helpers for one store. */
export function storeParts({ documentClient, tableName, onCorrupt = logCorrupt }: StoreOptions) {
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
    table,
    documentClient,
    onCorrupt,
    agencyEntity,
    recordEntity,
    agencies,
    records,
    ratingEntity,
    ratings,
    history,
    objectionEntity,
    objections,
    auditEntity,
    audit,
    officerKeys,
    checkpoints,
    nonces,
    keyClaims,
    agencyPartition,
    SCAN_ATTRIBUTES,
    all,
    queryAll,
    getOne,
    prefixRange,
  }
}

export type StoreParts = ReturnType<typeof storeParts>

/** Range condition for a region prefix; an empty prefix means the whole partition. */
function prefixRange(regionPrefix: string) {
  return regionPrefix ? { range: { beginsWith: regionPrefix } } : {}
}
