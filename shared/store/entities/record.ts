/** Credit record: `AGENCY#<uscc>` / `RECORD#<occurredOn>#<id>`, in the approval queue while pending. */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { boolean } from 'dynamodb-toolbox/schema/boolean'
import { item } from 'dynamodb-toolbox/schema/item'
import { map } from 'dynamodb-toolbox/schema/map'
import { number } from 'dynamodb-toolbox/schema/number'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import { OUTCOMES, RECORD_KINDS, RECORD_STATUSES, SEVERITIES, VIOLATIONS } from '../../agency/vocabulary.js'
import type { ChengxinTable } from '../table.js'

const label = () => map({ zh: string(), en: string() })

/** An officer's act on a record: who, when, and the compact JWS they signed. */
export const officerActSchema = map({ officerId: string(), at: string(), signature: string().optional() })

const recordAttributes = item({
  uscc: string().key().transform(prefix('AGENCY')).savedAs('pk'),
  /** CST calendar date of the decision or event; windows count from it. */
  occurredOn: string().key(),
  /** ULID. */
  id: string().key(),
  kind: string().enum(...RECORD_KINDS),
  severity: string()
    .enum(...SEVERITIES)
    .optional(),
  /** Kind-specific result: inspection passed / rectification ordered, annual report filed / late / missing, honour level, … */
  outcome: string()
    .enum(...OUTCOMES)
    .optional(),
  /** Annual reports: the year reported on. */
  year: number().optional(),
  /** What rule was broken, e.g. discriminatory_posting. */
  violation: string()
    .enum(...VIOLATIONS)
    .optional(),
  fineYuan: number().optional(),
  title: label(),
  authority: string(),
  documentNo: string().optional(),
  /** Where the record can be checked: register name and address. */
  source: map({ name: string(), url: string().optional() }),
  /** The agency's GB/T 2260 region when submitted; routes the record to approvers in scope. */
  region: string(),
  status: string().enum(...RECORD_STATUSES),
  submitted: officerActSchema,
  reviewed: officerActSchema.optional(),
  repairedOn: string().optional(),
  demo: boolean(),
  version: number(),
})

/** Item schema of record items (keys declared in the schema). */
export const recordSchema = recordAttributes.and((s) => ({
  sk: string()
    .key()
    .hidden()
    .link<typeof s>(({ occurredOn, id }) => `RECORD#${occurredOn}#${id}`),
  queuePk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ status }) => (status === 'pending' ? 'QUEUE#RECORD' : undefined)),
  queueSk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ status, region, submitted, uscc, id }) =>
      status === 'pending' ? `${region}#${submitted.at}#${uscc}#${id}` : undefined,
    ),
}))

/** The Record entity over a table. */
export const defineRecordEntity = (table: ChengxinTable) =>
  new Entity({ name: 'CreditRecord', table, schema: recordSchema, timestamps: false })

/** The entity type. */
export type RecordEntity = ReturnType<typeof defineRecordEntity>
/** A stored item as read back. */
export type CreditRecord = FormattedItem<RecordEntity>
/** What a write takes. */
export type CreditRecordInput = InputItem<RecordEntity>
