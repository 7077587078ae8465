/** Current ratings, the indexes over them, and the history of grades. */
import type { Grade } from '../../agency/vocabulary.js'
import { type PageRequest, paged } from '../paging.js'
import type { StoreParts } from '../parts.js'
import { type SaveRating, saveRating } from '../save-rating.js'

export function ratingVerbs({ ratings, history, audit, agencyPartition, getOne, prefixRange }: StoreParts) {
  return {
    /** The cached current rating, or undefined. */
    async getRating(uscc: string) {
      return getOne(async () => (await ratings.get({ uscc })).Item, agencyPartition(uscc), 'RATING')
    },
    /**
     * Saves a new current rating (with history and audit when given) in one transaction, only if the
     * rating is still at the revision read: RatingConflictError otherwise.
     */
    async saveRating(save: SaveRating): Promise<void> {
      await saveRating({ ratings, history, audit }, save)
    },
    /** Current ratings of one grade, by region code then USCC, within a GB/T 2260 prefix. */
    async listRatingsByGrade(grade: Grade, regionPrefix = '', page: PageRequest = {}) {
      return paged(`byGrade|GRADE#${grade}|${regionPrefix}`, page, (options) =>
        ratings.query(
          { index: 'byGrade', partition: `GRADE#${grade}`, ...prefixRange(regionPrefix) },
          options,
        ),
      )
    },
    /** Current ratings whose validUntil falls on a CST calendar day, earliest first. */
    async listRatingsDueOn(day: string, page: PageRequest = {}) {
      return paged(`byDueDate|DUE#${day}`, page, (options) =>
        ratings.query({ index: 'byDueDate', partition: `DUE#${day}` }, options),
      )
    },

    /** Grade changes, newest first. */
    async listRatingHistory(uscc: string, page: PageRequest = {}) {
      return paged(`history|${uscc}`, page, (options) =>
        history.query(
          { partition: agencyPartition(uscc), range: { beginsWith: 'HISTORY#' } },
          { ...options, reverse: true },
        ),
      )
    },
  }
}
