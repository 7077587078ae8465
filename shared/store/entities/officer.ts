/** Officer key: `OFFICER#<officerId>` / `KEY#<kid>`; kid is the key's RFC 7638 JWK thumbprint. */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { any } from 'dynamodb-toolbox/schema/any'
import { item } from 'dynamodb-toolbox/schema/item'
import { list } from 'dynamodb-toolbox/schema/list'
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import { OFFICER_ROLES } from '../../agency/vocabulary.js'
import type { ChengxinTable } from '../table.js'

/** Item schema of officerKey items (keys declared in the schema). */
export const officerKeySchema = item({
  officerId: string().key().transform(prefix('OFFICER')).savedAs('pk'),
  kid: string().key().transform(prefix('KEY')).savedAs('sk'),
  /** Public key only (JWK). */
  jwk: any(),
  /** The officer's name, as their department knows them. */
  name: string().optional(),
  roles: list(string().enum(...OFFICER_ROLES)),
  /** The bureau the officer acts for. */
  authority: string(),
  /** GB/T 2260 prefix the officer may act on: `44` for Guangdong, `4401` for Guangzhou, `` for all. */
  regionScope: string(),
  status: string().enum('active', 'revoked'),
  createdAt: string(),
  revokedAt: string().optional(),
  /** The X.509 chain (leaf first, PEM) that ties the key to the root CA, when one was given. */
  certificate: map({
    chain: list(string()),
    subject: string(),
    fingerprint256: string(),
    /** The earliest end of validity along the chain: after it the key signs nothing. */
    notAfter: string(),
  }).optional(),
})

/** The OfficerKey entity over a table. */
export const defineOfficerKeyEntity = (table: ChengxinTable) =>
  new Entity({ name: 'OfficerKey', table, schema: officerKeySchema, timestamps: false })

/** The entity type. */
export type OfficerKeyEntity = ReturnType<typeof defineOfficerKeyEntity>
/** A stored item as read back. */
export type OfficerKey = FormattedItem<OfficerKeyEntity>
/** What a write takes. */
export type OfficerKeyInput = InputItem<OfficerKeyEntity>
