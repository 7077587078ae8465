/** Loads agencies' search entries from the table: all (a parallel scan) or a few (by key). */
import type { PinyinOf, SearchEntry } from '../../shared/search/entry.js'
import { toSearchEntry } from '../../shared/search/entry.js'
import type { Agency } from '../../shared/store/entities/agency.js'
import type { DirectoryItem, Store } from '../../shared/store/store.js'
import { chinaDate } from '../../shared/time/calendar.js'
import { mapLimit } from '../pool.js'

const SEGMENTS = 4

/** All entries, in USCC order. */
export async function loadSearchEntries(
  store: Pick<Store, 'scanDirectory'>,
  pinyinOf: PinyinOf,
): Promise<SearchEntry[]> {
  const agencies = new Map<string, Agency>()
  const ratings = new Map<string, Extract<DirectoryItem, { entity: 'Rating' }>>()
  await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      let cursor: string | undefined
      do {
        const page = await store.scanDirectory(segment, SEGMENTS, {
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        })
        for (const item of page.items) {
          if (item.entity === 'Agency') agencies.set(item.uscc, item)
          else ratings.set(item.uscc, item)
        }
        cursor = page.next
      } while (cursor)
    }),
  )
  return [...agencies.values()]
    .map((a) => toSearchEntry(a, ratings.get(a.uscc), pinyinOf, chinaDate))
    .sort((x, y) => (x.uscc < y.uscc ? -1 : 1))
}

/** The entries of some agencies as they are now (an agency no longer in the table has none). */
export async function loadSearchEntriesOf(
  store: Pick<Store, 'getAgency' | 'getRating'>,
  usccs: readonly string[],
  pinyinOf: PinyinOf,
): Promise<SearchEntry[]> {
  const entries: SearchEntry[] = []
  await mapLimit([...new Set(usccs)], 8, async (uscc) => {
    const [agency, rating] = await Promise.all([store.getAgency(uscc), store.getRating(uscc)])
    if (agency) entries.push(toSearchEntry(agency, rating, pinyinOf, chinaDate))
  })
  return entries
}
