/**
 * A spent request nonce: `NONCE#<nonce>` / `NONCE`. Put with a condition that it is new, in the same
 * transaction as the change the request makes, so a replayed request changes nothing; DynamoDB's
 * TTL removes it once no signature carrying it could still be accepted.
 */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { number } from 'dynamodb-toolbox/schema/number'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import { TTL_ATTRIBUTE } from '../keys.js'
import type { ChengxinTable } from '../table.js'

export const nonceSchema = item({
  nonce: string().key().transform(prefix('NONCE')).savedAs('pk'),
  sk: string().key().const('NONCE').hidden(),
  officerId: string(),
  usedAt: string(),
  /** Epoch seconds after which the item may go (the table's TTL attribute). */
  expiresAt: number().savedAs(TTL_ATTRIBUTE),
})

export const defineNonceEntity = (table: ChengxinTable) =>
  new Entity({ name: 'Nonce', table, schema: nonceSchema, timestamps: false })

export type NonceEntity = ReturnType<typeof defineNonceEntity>
export type Nonce = FormattedItem<NonceEntity>
export type NonceInput = InputItem<NonceEntity>
