/** Objection (异议) to a record: `AGENCY#<uscc>` / `OBJECTION#<id>`, in the officers' queue until decided. */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { map } from 'dynamodb-toolbox/schema/map'
import { number } from 'dynamodb-toolbox/schema/number'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import { OBJECTION_STATUSES } from '../../agency/vocabulary.js'
import type { ChengxinTable } from '../table.js'

/** Open and under-review objections wait in the officers' queue. */
const undecided = (status: string) => status === 'open' || status === 'under_review'

const objectionAttributes = item({
  uscc: string().key().transform(prefix('AGENCY')).savedAs('pk'),
  /** ULID. */
  id: string().key().transform(prefix('OBJECTION')).savedAs('sk'),
  /** The record objected to. */
  recordId: string(),
  statement: string(),
  region: string(),
  status: string().enum(...OBJECTION_STATUSES),
  filedAt: string(),
  resolvedAt: string().optional(),
  resolvedBy: string().optional(),
  resolution: map({ zh: string(), en: string() }).optional(),
  version: number(),
})

/** Item schema of objection items (keys declared in the schema). */
export const objectionSchema = objectionAttributes.and((s) => ({
  queuePk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ status }) => (undecided(status) ? 'QUEUE#OBJECTION' : undefined)),
  queueSk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ status, region, filedAt, uscc, id }) =>
      undecided(status) ? `${region}#${filedAt}#${uscc}#${id}` : undefined,
    ),
}))

/** The Objection entity over a table. */
export const defineObjectionEntity = (table: ChengxinTable) =>
  new Entity({ name: 'Objection', table, schema: objectionSchema, timestamps: false })

/** The entity type. */
export type ObjectionEntity = ReturnType<typeof defineObjectionEntity>
/** A stored item as read back. */
export type Objection = FormattedItem<ObjectionEntity>
/** What a write takes. */
export type ObjectionInput = InputItem<ObjectionEntity>
