/** The dynamodb-toolbox Table for Chengxin's single table, built from the shared key schema. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Table } from 'dynamodb-toolbox/table'
import { ENTITY_ATTRIBUTE, INDEXES, PRIMARY_KEY } from './keys.js'

/** Builds the Table; `name` may be a getter so it is read when a command runs. */
export function createTable(documentClient: DynamoDBDocumentClient, name: string | (() => string)) {
  return new Table({
    documentClient,
    name,
    partitionKey: PRIMARY_KEY.partitionKey,
    sortKey: PRIMARY_KEY.sortKey,
    indexes: {
      byGrade: { type: 'global', ...INDEXES.byGrade },
      byDueDate: { type: 'global', ...INDEXES.byDueDate },
      queue: { type: 'global', ...INDEXES.queue },
    },
    entityAttributeSavedAs: ENTITY_ATTRIBUTE,
  })
}

export type ChengxinTable = ReturnType<typeof createTable>
