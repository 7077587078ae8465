/**
 * Which officer a public key belongs to: `KEYCLAIM#<kid>` / `KEYCLAIM`. Written with a condition
 * that it is new, in the same transaction as the key's registration, so one key (one person's
 * device) can never be registered under two officer ids, which would let one person both submit and
 * approve a record.
 */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import type { ChengxinTable } from '../table.js'

export const keyClaimSchema = item({
  kid: string().key().transform(prefix('KEYCLAIM')).savedAs('pk'),
  sk: string().key().const('KEYCLAIM').hidden(),
  officerId: string(),
})

export const defineKeyClaimEntity = (table: ChengxinTable) =>
  new Entity({ name: 'KeyClaim', table, schema: keyClaimSchema, timestamps: false })

export type KeyClaimEntity = ReturnType<typeof defineKeyClaimEntity>
export type KeyClaim = FormattedItem<KeyClaimEntity>
export type KeyClaimInput = InputItem<KeyClaimEntity>
