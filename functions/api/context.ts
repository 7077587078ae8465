/** What the routes share: the deps, and cached reads built over them once per app. */
import type { ObjectionPolicy } from '../../shared/objections/policy.js'
import type { Methodology } from '../../shared/rating/methodology-types.js'
import type { Signer } from '../../shared/signing/signer.js'
import type { Agency } from '../../shared/store/entities/agency.js'
import type { StoredRating } from '../../shared/store/entities/rating.js'
import type { Store } from '../../shared/store/store.js'
import type { BuiltSite } from '../../site/build.js'
import type { BlobStore } from '../export/blob-store.js'
import type { Log } from '../log.js'
import { type HotCache, hotCache } from './hot-cache.js'
import type { ObjectionStore } from './objection-filing.js'
import type { RateLimit } from './rate-limit.js'
import type { SearchIndex } from './search-index.js'

/** What the app needs from the outside world. */
export type ApiDeps = {
  /** Throws unless the table answers. */
  ping(): Promise<void>
  now(): Date
  /** The data is generated demo data (local runs): every page says so. */
  demo: boolean
  store: Pick<Store, 'getAgency' | 'getRating' | 'listRatingHistory' | 'lastAudit'>
  search: SearchIndex
  signer: Signer
  methodology: Methodology
  log: Log
  /** A rating this many days old is shown as stale even before its validUntil (default 400). */
  staleAfterDays?: number
  /** How long a read stays in the per-instance cache (default 2 s). */
  hotCacheMs?: number
  /** Local server only; in AWS, WAF limits rates. */
  rateLimit?: RateLimit
  /** The site's built assets: with them, the app also serves the site's pages. */
  site?: BuiltSite
  /** The origin embed snippets point at (default: the request's). */
  publicOrigin?: string
  /** Where public objections are filed (absent: POST /v1/objections answers 404). */
  objections?: ObjectionStore
  /** How objections are answered (default: DEFAULT_OBJECTION_POLICY). */
  objectionPolicy?: ObjectionPolicy
  /** Called with a listener to run with the agencies whose data changed (local runner): their hot reads are dropped. */
  onChange?: (listener: (usccs: readonly string[]) => void) => void
  /** Where the open data is published; with it the app serves /v1/open-data and the files. */
  openData?: BlobStore
}

export type ApiContext = {
  deps: ApiDeps
  staleAfterDays: number
  load(uscc: string): Promise<{ agency: Agency | undefined; rating: StoredRating | undefined }>
  /** The newest history entry computed before `beforeIso`. */
  ratingOn(
    uscc: string,
    beforeIso: string,
  ): Promise<
    | {
        computedAt: string
        grade: StoredRating['grade']
        score?: number
        methodology: { id: string; version: string }
        contentHash: string
      }
    | undefined
  >
  attestations: HotCache<string>
  /** Response bodies of hot reads, for as long as the reads themselves are cached. */
  bodies: HotCache<string>
  links(uscc: string): Links
}

export type Links = Record<
  'self' | 'history' | 'badge' | 'badgeJson' | 'attestation' | 'methodology' | 'jwks',
  string
>

const ATTESTATION_TTL_MS = 3_600_000

export function createContext(deps: ApiDeps): ApiContext {
  const hotMs = deps.hotCacheMs ?? 2_000
  const reads = hotCache<{ agency: Agency | undefined; rating: StoredRating | undefined }>(hotMs)
  const bodies = hotCache<string>(hotMs, 1_000)
  // A new rating shows at once where the runner says so; elsewhere within the hot cache's time.
  // Bodies are keyed by an etag made from the reads, so dropping the reads is enough.
  deps.onChange?.((usccs) => {
    for (const uscc of usccs) reads.delete(uscc)
  })
  return {
    deps,
    staleAfterDays: deps.staleAfterDays ?? 400,
    load: (uscc) =>
      reads.get(uscc, async () => {
        const [agency, rating] = await Promise.all([deps.store.getAgency(uscc), deps.store.getRating(uscc)])
        return { agency, rating }
      }),
    async ratingOn(uscc, beforeIso) {
      let cursor: string | undefined
      do {
        const page = await deps.store.listRatingHistory(uscc, { limit: 100, ...(cursor ? { cursor } : {}) })
        const hit = page.items.find((h) => h.computedAt < beforeIso)
        if (hit) return hit
        cursor = page.next
      } while (cursor)
      return undefined
    },
    attestations: hotCache<string>(ATTESTATION_TTL_MS),
    bodies,
    links: (uscc) => ({
      self: `/v1/agencies/${uscc}`,
      history: `/v1/agencies/${uscc}/history`,
      badge: `/v1/agencies/${uscc}/badge.svg`,
      badgeJson: `/v1/agencies/${uscc}/badge.json`,
      attestation: `/v1/agencies/${uscc}/attestation`,
      methodology: '/v1/methodology',
      jwks: '/.well-known/jwks.json',
    }),
  }
}
