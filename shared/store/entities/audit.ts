/**
 * Audit event: `AGENCY#<uscc>` / `AUDIT#<seq, 12 digits>`. Each event names the hash of the one
 * before it, and is written with a condition that its seq is free, so the chain has no gaps or forks.
 */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { any } from 'dynamodb-toolbox/schema/any'
import { item } from 'dynamodb-toolbox/schema/item'
import { number } from 'dynamodb-toolbox/schema/number'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import type { ChengxinTable } from '../table.js'

export const AUDIT_SEQ_DIGITS = 12

const auditAttributes = item({
  uscc: string().key().transform(prefix('AGENCY')).savedAs('pk'),
  seq: number().key(),
  at: string(),
  /** Officer id, or `system:<function>`. */
  actor: string(),
  action: string(),
  /** What was acted on, e.g. `RECORD#<id>`. */
  subject: string(),
  detail: any(),
  prevHash: string(),
  hash: string(),
})

/** Item schema of audit items (keys declared in the schema). */
export const auditSchema = auditAttributes.and((s) => ({
  sk: string()
    .key()
    .hidden()
    .link<typeof s>(({ seq }) => `AUDIT#${String(seq).padStart(AUDIT_SEQ_DIGITS, '0')}`),
}))

/** The Audit entity over a table. */
export const defineAuditEntity = (table: ChengxinTable) =>
  new Entity({ name: 'AuditEvent', table, schema: auditSchema, timestamps: false })

/** The entity type. */
export type AuditEntity = ReturnType<typeof defineAuditEntity>
/** A stored item as read back. */
export type AuditEvent = FormattedItem<AuditEntity>
/** What a write takes. */
export type AuditEventInput = InputItem<AuditEntity>
