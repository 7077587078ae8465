/** What the public API answers with: agencies and ratings shaped for readers, zh-CN with English. */
import type { Agency, Permit } from '../agency/types.js'
import {
  GRADE_LABELS,
  type Label,
  PERMIT_KIND_LABELS,
  PERMIT_STATUS_LABELS,
  SERVICE_TYPE_LABELS,
} from '../agency/vocabulary.js'
import { regionName } from '../identity/regions.js'
import type { Rating } from '../rating/rating-types.js'
import type { SearchHit } from '../search/search.js'
import type { StoredRating } from '../store/entities/rating.js'
import { chinaDate, dayAfter } from '../time/calendar.js'

/** Shown with every grade (anchors.md §13). */
export const DISCLAIMER: Label = {
  zh: '本评级为本平台依据公开监管记录形成的意见，不构成担保；信用中国和国家企业信用信息公示系统为原始信息来源。',
  en: 'A grade is our opinion formed from public regulatory records, not a guarantee; Credit China and the national enterprise credit register are the original sources.',
}

/** Shown wherever data is generated. */
export const DEMO_NOTICE: Label = {
  zh: '演示数据：程序生成，不涉及真实机构。',
  en: 'Demo data: generated, describing no real agency.',
}

/** A permit with whether it is in force on `today` (CST), its label and its status label. */
function permitView(p: Permit, now: Date) {
  const expired = p.validUntil !== undefined && now.getTime() >= dayAfter(p.validUntil)
  const status = p.status === 'valid' && expired ? 'expired' : p.status
  return { ...p, status, kindLabel: PERMIT_KIND_LABELS[p.kind], statusLabel: PERMIT_STATUS_LABELS[status] }
}

/** The profile as readers see it. */
export function agencyView(a: Agency, now: Date) {
  return {
    uscc: a.uscc,
    name: a.name,
    aliases: a.aliases,
    domains: a.domains ?? [],
    region: a.region,
    regionName: regionName(a.region) ?? null,
    sector: a.sector,
    serviceTypes: a.serviceTypes.map((s) => ({ id: s, label: SERVICE_TYPE_LABELS[s] })),
    permits: a.permits.map((p) => permitView(p, now)),
    foundedOn: a.foundedOn,
    status: a.status,
    demo: a.demo,
    updatedAt: a.updatedAt,
  }
}

/** Whether a rating is past its validUntil (the pipeline should have refreshed it) or too old. */
export function isStale(
  r: Pick<StoredRating, 'validUntil' | 'computedAt'>,
  now: Date,
  maxAgeDays: number,
): boolean {
  if (r.validUntil && Date.parse(r.validUntil) <= now.getTime()) return true
  return now.getTime() - Date.parse(r.computedAt) > maxAgeDays * 86_400_000
}

/** The current rating with everything that explains it. */
export function ratingView(r: StoredRating, now: Date, maxAgeDays: number) {
  const basis = r.basis as Rating
  return {
    grade: r.grade,
    gradeLabel: GRADE_LABELS[r.grade],
    ...(basis.notRated ? { notRated: basis.notRated } : {}),
    score: basis.score ?? null,
    asOf: r.computedAt,
    asOfDate: chinaDate(r.computedAt),
    validUntil: r.validUntil ?? null,
    stale: isStale(r, now, maxAgeDays),
    methodology: r.methodology,
    contentHash: r.contentHash,
    inputsHash: r.inputsHash,
    dimensions: basis.dimensions,
    bonus: basis.bonus ?? null,
    vetoes: basis.vetoes,
    caps: basis.caps,
    records: basis.records,
    recovery: basis.recovery,
  }
}

/** One search result. */
export function hitView(h: SearchHit) {
  const e = h.entry
  return {
    uscc: e.uscc,
    name: e.name,
    region: e.region,
    regionName: regionName(e.region) ?? null,
    grade: e.grade,
    gradeLabel: GRADE_LABELS[e.grade],
    score: e.score ?? null,
    ratedOn: e.ratedOn ?? null,
    serviceTypes: e.serviceTypes,
    demo: e.demo,
    matched: h.matched,
  }
}
