/** Agency profile: `AGENCY#<uscc>` / `PROFILE`. */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { boolean } from 'dynamodb-toolbox/schema/boolean'
import { item } from 'dynamodb-toolbox/schema/item'
import { list } from 'dynamodb-toolbox/schema/list'
import { map } from 'dynamodb-toolbox/schema/map'
import { number } from 'dynamodb-toolbox/schema/number'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import {
  AGENCY_STATUSES,
  PERMIT_KINDS,
  PERMIT_STATUSES,
  SECTORS,
  SERVICE_TYPES,
} from '../../agency/vocabulary.js'
import type { ChengxinTable } from '../table.js'

/** Item schema of permit items (keys declared in the schema). */
export const permitSchema = map({
  kind: string().enum(...PERMIT_KINDS),
  /** Provincial text format, e.g. （粤）人服证字〔2023〕第0100123号. */
  number: string(),
  authority: string(),
  issuedOn: string(),
  /** Last day (CST, inclusive) the permit is valid; absent for permits without a term. */
  validUntil: string().optional(),
  status: string().enum(...PERMIT_STATUSES),
})

/** Item schema of agency items (keys declared in the schema). */
export const agencySchema = item({
  uscc: string().key().transform(prefix('AGENCY')).savedAs('pk'),
  sk: string().key().const('PROFILE').hidden(),
  name: string(),
  /** Former names and common short names, for search. */
  aliases: list(string()),
  /** Pinyin of the name and aliases, and initials, for search. */
  readings: map({ pinyin: string(), initials: string() }).optional(),
  /** Web domains the agency registered as its own (lower case). */
  domains: list(string()).optional(),
  /** GB/T 2260 code of the city (or province) the agency is registered in. */
  region: string(),
  sector: string().enum(...SECTORS),
  serviceTypes: list(string().enum(...SERVICE_TYPES)),
  permits: list(permitSchema),
  /** Calendar date (CST) of registration. */
  foundedOn: string(),
  status: string().enum(...AGENCY_STATUSES),
  /** Generated demo data, never a real agency; every surface says so. */
  demo: boolean(),
  updatedAt: string(),
  /** Optimistic-lock counter; a write names the version it replaces. */
  version: number(),
})

/** The Agency entity over a table. */
export const defineAgencyEntity = (table: ChengxinTable) =>
  new Entity({ name: 'Agency', table, schema: agencySchema, timestamps: false })

/** The entity type. */
export type AgencyEntity = ReturnType<typeof defineAgencyEntity>
/** A stored item as read back. */
export type Agency = FormattedItem<AgencyEntity>
/** What a write takes. */
export type AgencyInput = InputItem<AgencyEntity>
