/**
 * Current rating (the cache): `AGENCY#<uscc>` / `RATING#CURRENT`, indexed by grade and region and
 * by the day it falls due. Rating history: `AGENCY#<uscc>` / `HISTORY#<computedAt>#<revision>`
 * (DESIGN.md said `RATING#<computedAt>`; a separate prefix lets one query read history without the
 * current item, and the revision keeps two changes in one millisecond apart).
 */
import { Entity, type FormattedItem, type InputItem } from 'dynamodb-toolbox/entity'
import { any } from 'dynamodb-toolbox/schema/any'
import { item } from 'dynamodb-toolbox/schema/item'
import { map } from 'dynamodb-toolbox/schema/map'
import { number } from 'dynamodb-toolbox/schema/number'
import { string } from 'dynamodb-toolbox/schema/string'
import { prefix } from 'dynamodb-toolbox/transformers/prefix'
import { GRADES } from '../../agency/vocabulary.js'
import { chinaDate } from '../../time/calendar.js'
import type { ChengxinTable } from '../table.js'

const methodologyRef = () => map({ id: string(), version: string() })

const ratingAttributes = item({
  uscc: string().key().transform(prefix('AGENCY')).savedAs('pk'),
  sk: string().key().const('RATING#CURRENT').hidden(),
  /** Denormalised from the profile so browse pages need one query. */
  name: string(),
  region: string(),
  grade: string().enum(...GRADES),
  /** Points in tenths (integer), absent when not rated. */
  score: number().optional(),
  /** The engine's explanation; its shape belongs to shared/rating. */
  basis: any(),
  methodology: methodologyRef(),
  inputsHash: string(),
  contentHash: string(),
  computedAt: string(),
  /** Next instant a record enters or leaves its window; absent when nothing is scheduled. */
  validUntil: string().optional(),
  /** Compact JWS attesting grade, hash and time. */
  attestation: string().optional(),
  /** Optimistic-lock counter: a write names the revision it read. */
  revision: number(),
})

/** Item schema of rating items (keys declared in the schema). */
export const ratingSchema = ratingAttributes.and((s) => ({
  gradePk: string()
    .hidden()
    .link<typeof s>(({ grade }) => `GRADE#${grade}`),
  gradeSk: string()
    .hidden()
    .link<typeof s>(({ region, uscc }) => `${region}#${uscc}`),
  duePk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ validUntil }) => (validUntil ? `DUE#${chinaDate(validUntil)}` : undefined)),
  dueSk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ validUntil, uscc }) => (validUntil ? `${validUntil}#${uscc}` : undefined)),
}))

/** The Rating entity over a table. */
export const defineRatingEntity = (table: ChengxinTable) =>
  new Entity({ name: 'Rating', table, schema: ratingSchema, timestamps: false })

/** The entity type. */
export type RatingEntity = ReturnType<typeof defineRatingEntity>
/** A stored item as read back. */
export type StoredRating = FormattedItem<RatingEntity>
/** What a write takes. */
export type StoredRatingInput = InputItem<RatingEntity>

/** Item schema of ratingHistory items (keys declared in the schema). */
export const ratingHistorySchema = item({
  uscc: string().key().transform(prefix('AGENCY')).savedAs('pk'),
  computedAt: string().key(),
  /** The rating revision this change produced: two changes at one instant stay two entries. */
  revision: number().key(),
  grade: string().enum(...GRADES),
  score: number().optional(),
  methodology: methodologyRef(),
  contentHash: string(),
}).and((s) => ({
  sk: string()
    .key()
    .hidden()
    .link<typeof s>(
      ({ computedAt, revision }) => `HISTORY#${computedAt}#${String(revision).padStart(10, '0')}`,
    ),
}))

/** The RatingHistory entity over a table. */
export const defineRatingHistoryEntity = (table: ChengxinTable) =>
  new Entity({ name: 'RatingHistory', table, schema: ratingHistorySchema, timestamps: false })

/** The entity type. */
export type RatingHistoryEntity = ReturnType<typeof defineRatingHistoryEntity>
/** A stored item as read back. */
export type RatingHistoryEntry = FormattedItem<RatingHistoryEntity>
