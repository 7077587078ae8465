/** Scans of the whole table: the rating inputs, the export and the directory (segments run in parallel). */
import { ScanCommand } from 'dynamodb-toolbox/table/actions/scan'
import type { Agency } from '../entities/agency.js'
import type { StoredRating } from '../entities/rating.js'
import type { CreditRecord } from '../entities/record.js'
import { MAX_SCAN_PAGE_SIZE, type Page, type PageRequest, paged } from '../paging.js'
import type { StoreParts } from '../parts.js'
import { sendTolerant } from '../tolerant.js'

/** An item of a rating-inputs scan: a profile, a rating without its basis, or a record. */
export type ScannedItem =
  | (Agency & { entity: 'Agency' })
  | (Omit<StoredRating, 'basis' | 'attestation'> & { entity: 'Rating' })
  | (CreditRecord & { entity: 'CreditRecord' })

/** An item of a directory scan: a profile or a rating without its basis. */
export type DirectoryItem = Exclude<ScannedItem, { entity: 'CreditRecord' }>

/** An item of an export scan: a profile, a rating with its basis, or a record. */
export type ExportItem =
  | (Agency & { entity: 'Agency' })
  | (StoredRating & { entity: 'Rating' })
  | (CreditRecord & { entity: 'CreditRecord' })

export function scanVerbs({
  table,
  documentClient,
  onCorrupt,
  agencyEntity,
  recordEntity,
  ratingEntity,
  SCAN_ATTRIBUTES,
}: StoreParts) {
  const profilesAndRatings = [agencyEntity, ratingEntity] as const
  const withRecords = [agencyEntity, ratingEntity, recordEntity] as const
  /**
   * One page of segment `segment` of `segments` of a parallel scan over some entities, corrupt items
   * reported and skipped; `attributes` leaves the rest out.
   */
  const scanPage = async <T>(
    name: string,
    entities: typeof profilesAndRatings | typeof withRecords,
    read: { consistent: boolean; attributes?: typeof SCAN_ATTRIBUTES },
    segment: number,
    segments: number,
    page: PageRequest,
  ): Promise<Page<T>> =>
    paged(`${name}|${segment}/${segments}`, { ...page, maxLimit: MAX_SCAN_PAGE_SIZE }, async (options) => {
      const projection = read.attributes ? { attributes: read.attributes } : {}
      const command = table
        .build(ScanCommand)
        .entities(...entities)
        .options({
          segment,
          totalSegments: segments,
          consistent: read.consistent,
          showEntityAttr: true,
          ...projection,
          ...options,
        })
      const output = await sendTolerant(
        documentClient,
        command,
        [...entities],
        { ...projection, showEntityAttr: true },
        onCorrupt,
      )
      return output as unknown as { Items?: T[]; LastEvaluatedKey?: Record<string, unknown> }
    })

  return {
    /**
     * One page of a consistent parallel scan over profiles, ratings and records (segment `segment`
     * of `segments`). An agency's items come together, profile then rating then records, though a
     * page may end in the middle of them. Everything but the rating's basis, the bulk of the data
     * and not needed to tell whether a rating is still current.
     */
    async scanRatingInputs(segment: number, segments: number, page: PageRequest = {}) {
      const read = { consistent: true, attributes: SCAN_ATTRIBUTES }
      return scanPage<ScannedItem>('inputs', withRecords, read, segment, segments, page)
    },

    /**
     * One page of a parallel scan over profiles, ratings (with their basis) and records, for the open
     * data export. An agency's items come together, though a page may end in the middle of them.
     */
    async scanExport(segment: number, segments: number, page: PageRequest = {}) {
      return scanPage<ExportItem>('export', withRecords, { consistent: true }, segment, segments, page)
    },

    /** One page of a parallel scan over profiles and ratings (without basis), for directories and search. */
    async scanDirectory(segment: number, segments: number, page: PageRequest = {}) {
      const read = { consistent: false, attributes: SCAN_ATTRIBUTES }
      return scanPage<DirectoryItem>('directory', profilesAndRatings, read, segment, segments, page)
    },

    /** True when the table holds no item at all. */
    async isEmpty(): Promise<boolean> {
      const { Items = [] } = await table.build(ScanCommand).options({ limit: 1 }).send()
      return Items.length === 0
    },
  }
}
