/**
 * The table's key schema as plain data. The CDK stack, the local runner and the dynamodb-toolbox
 * Table all read it from here, so the deployed table and the code that queries it cannot drift.
 */

type KeyAttribute = { readonly name: string; readonly type: 'string' }
type IndexKeys = { readonly partitionKey: KeyAttribute; readonly sortKey: KeyAttribute }

/** Primary key: `pk` = `AGENCY#<uscc>` or `OFFICER#<id>`, `sk` = item kind (see DESIGN.md §4). */
export const PRIMARY_KEY = {
  partitionKey: { name: 'pk', type: 'string' },
  sortKey: { name: 'sk', type: 'string' },
} as const satisfies IndexKeys

/**
 * Global secondary indexes, all sparse: an item carries an index's key attributes only when it
 * belongs in that index.
 * - byGrade: current ratings by grade, then GB/T 2260 region code (a prefix query narrows to a
 *   province or city): `GRADE#<grade>` / `<region>#<uscc>`. Browse and statistics.
 * - byDueDate: current ratings by the China-time day their `validUntil` falls on:
 *   `DUE#<yyyy-mm-dd>` / `<validUntil>#<uscc>`. The daily sweep reads one day at a time.
 * - queue: officers' work queues, pending records and open objections:
 *   `QUEUE#RECORD` or `QUEUE#OBJECTION` / `<region>#<submittedAt>#<uscc>#<id>`. A region prefix
 *   narrows to an officer's scope.
 */
export const INDEXES = {
  byGrade: {
    partitionKey: { name: 'gradePk', type: 'string' },
    sortKey: { name: 'gradeSk', type: 'string' },
  },
  byDueDate: { partitionKey: { name: 'duePk', type: 'string' }, sortKey: { name: 'dueSk', type: 'string' } },
  queue: { partitionKey: { name: 'queuePk', type: 'string' }, sortKey: { name: 'queueSk', type: 'string' } },
} as const satisfies Record<string, IndexKeys>

export type IndexName = keyof typeof INDEXES

/** Items that expire (spent request nonces) carry their end, in epoch seconds, under this name. */
export const TTL_ATTRIBUTE = 'expiresAt'

/** The attribute dynamodb-toolbox writes each item's entity name to. */
export const ENTITY_ATTRIBUTE = '_et'

/** Every key attribute of the table and its indexes, for CreateTable's AttributeDefinitions. */
export function keyAttributes(): KeyAttribute[] {
  const all = [PRIMARY_KEY, ...Object.values(INDEXES)].flatMap((k) => [k.partitionKey, k.sortKey])
  return [...new Map(all.map((a) => [a.name, a])).values()]
}
