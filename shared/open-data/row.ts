/**
 * One agency as the open data publishes it: the profile, the grade with the points of every
 * indicator (the sentences are the methodology's, published with it), and the records that count,
 * each with its source and when an officer last confirmed it. Pure.
 *
 * Never published (methodology-research.md §4): minor records (shown for at most three months and
 * not in bulk), records that are repaired, withdrawn, rejected or outside their window (the engine
 * leaves them out of `records`), and personal data beyond the official registers' own.
 */
import type { Agency, CreditRecord, Permit } from '../agency/types.js'
import type { Grade } from '../agency/vocabulary.js'
import { regionName } from '../identity/regions.js'
import type { NotRatedReason } from '../rating/methodology-types.js'
import type { Rating } from '../rating/rating-types.js'

/** The version of the row format; a change of shape is a new version. */
export const ROW_FORMAT = '1.0'

export type ExportRecord = {
  id: string
  kind: CreditRecord['kind']
  /** Never minor: minor records are not published. */
  severity: 'general' | 'serious' | null
  outcome: NonNullable<CreditRecord['outcome']> | null
  violation: NonNullable<CreditRecord['violation']> | null
  occurredOn: string
  authority: string
  documentNo: string | null
  title: { zh: string; en: string }
  status: 'effective' | 'under_objection'
  countsUntil: string | null
  points: number
  source: { name: string; url: string | null }
  /** When an officer last confirmed the record (UTC). */
  lastVerifiedAt: string
}

export type ExportRow = {
  uscc: string
  name: string
  aliases: string[]
  region: string
  regionName: string | null
  sector: Agency['sector']
  serviceTypes: Agency['serviceTypes']
  status: Agency['status']
  foundedOn: string
  permits: {
    kind: Permit['kind']
    number: string
    authority: string
    issuedOn: string
    validUntil: string | null
    status: Permit['status']
  }[]
  rating: {
    grade: Grade
    notRated: NotRatedReason | null
    /** Points in tenths. */
    score: { base: number; bonus: number; total: number } | null
    asOf: string
    validUntil: string | null
    methodology: { id: string; version: string }
    contentHash: string
    inputsHash: string
    indicators: { id: string; earned: number; max: number; applicable: boolean }[]
    vetoes: string[]
    caps: string[]
  } | null
  records: ExportRecord[]
  demo: boolean
}

/** What a rating carries that the row needs (the stored rating with its basis). */
export type RatedBasis = {
  grade: Grade
  computedAt: string
  validUntil?: string
  methodology: { id: string; version: string }
  contentHash: string
  inputsHash: string
  basis: unknown
}

/** Record statuses that may be published (the rest were repaired, withdrawn, rejected or are pending). */
const LIVE = new Set<string>(['effective', 'under_objection'])

/**
 * The row of an agency, its current rating (if any) and its records at `now`. A record the basis
 * lists is published only if it still counts now: the stored record must still be live and its
 * window open (a rating may be minutes behind a repair or a window's end).
 */
export function exportRow(
  agency: Agency,
  rating: RatedBasis | undefined,
  records: readonly CreditRecord[],
  now: Date,
): ExportRow {
  const basis = rating?.basis as Rating | undefined
  const byId = new Map(records.map((r) => [r.id, r]))
  const published = (basis?.records ?? []).filter((r) => {
    const stored = byId.get(r.id)
    return (
      r.severity !== 'minor' &&
      stored !== undefined &&
      LIVE.has(stored.status) &&
      (r.countsUntil === undefined || Date.parse(r.countsUntil) > now.getTime())
    )
  })
  return {
    uscc: agency.uscc,
    name: agency.name,
    aliases: agency.aliases,
    region: agency.region,
    regionName: regionName(agency.region) ?? null,
    sector: agency.sector,
    serviceTypes: agency.serviceTypes,
    status: agency.status,
    foundedOn: agency.foundedOn,
    permits: agency.permits.map((p) => ({
      kind: p.kind,
      number: p.number,
      authority: p.authority,
      issuedOn: p.issuedOn,
      validUntil: p.validUntil ?? null,
      status: p.status,
    })),
    rating:
      rating && basis
        ? {
            grade: rating.grade,
            notRated: basis.notRated?.reason ?? null,
            score: basis.score
              ? { base: basis.score.base, bonus: basis.score.bonus, total: basis.score.total }
              : null,
            asOf: rating.computedAt,
            validUntil: rating.validUntil ?? null,
            methodology: { id: rating.methodology.id, version: rating.methodology.version },
            contentHash: rating.contentHash,
            inputsHash: rating.inputsHash,
            indicators: [
              ...basis.dimensions.flatMap((d) => d.indicators),
              ...(basis.bonus?.indicators ?? []),
            ].map((i) => ({ id: i.id, earned: i.earned, max: i.max, applicable: i.applicable })),
            vetoes: basis.vetoes.map((v) => v.id),
            caps: basis.caps.map((c) => c.id),
          }
        : null,
    records: published.map((r) => {
      const stored = byId.get(r.id)
      return {
        id: r.id,
        kind: r.kind,
        // Minor records were filtered out above.
        severity: (r.severity ?? null) as ExportRecord['severity'],
        outcome: r.outcome ?? null,
        violation: r.violation ?? null,
        occurredOn: r.occurredOn,
        authority: r.authority,
        documentNo: r.documentNo ?? null,
        title: { zh: r.title.zh, en: r.title.en },
        // As stored now (an objection may have opened since the rating).
        status: (stored?.status ?? r.status) as ExportRecord['status'],
        countsUntil: r.countsUntil ?? null,
        points: r.points,
        source: { name: stored?.source.name ?? r.authority, url: stored?.source.url ?? null },
        // Published records were approved; a record imported without a review carries its submission.
        lastVerifiedAt: stored?.reviewed?.at ?? stored?.submitted.at ?? agency.updatedAt,
      }
    }),
    demo: agency.demo,
  }
}
