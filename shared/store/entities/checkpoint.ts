/**
 * Progress of a long job (a full re-rate), per scan segment: `JOB#<job>` / `SEGMENT#<n>`. A job that
 * stops halfway resumes from here.
 */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { boolean } from 'dynamodb-toolbox/schema/boolean'
import { item } from 'dynamodb-toolbox/schema/item'
import { number } from 'dynamodb-toolbox/schema/number'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import type { ChengxinTable } from '../table.js'

/** Item schema of checkpoint items (keys declared in the schema). */
export const checkpointSchema = item({
  job: string().key().transform(prefix('JOB')).savedAs('pk'),
  segment: number().key(),
  segments: number(),
  /** Paging cursor of the scan after the last page fully done; absent at the start. */
  cursor: string().optional(),
  /** The agency at the end of the last page, not yet rated: a resume starts with it. */
  carry: string().optional(),
  done: boolean(),
  /** Agencies handled so far in this segment. */
  handled: number(),
  updatedAt: string(),
}).and((s) => ({
  sk: string()
    .key()
    .hidden()
    .link<typeof s>(({ segment }) => `SEGMENT#${String(segment).padStart(4, '0')}`),
}))

/** The Checkpoint entity over a table. */
export const defineCheckpointEntity = (table: ChengxinTable) =>
  new Entity({ name: 'Checkpoint', table, schema: checkpointSchema, timestamps: false })

/** The entity type. */
export type CheckpointEntity = ReturnType<typeof defineCheckpointEntity>
/** A stored item as read back. */
export type Checkpoint = FormattedItem<CheckpointEntity>
/** What a write takes. */
export type CheckpointInput = InputItem<CheckpointEntity>
