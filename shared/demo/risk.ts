/** Risk tiers of demo agencies and the negative events each tier draws. */
import type { ServiceType } from '../agency/vocabulary.js'
import { penalty } from './penalties.js'
import type { Random, Weighted } from './random.js'
import { arbitration, type BodyContext, complaint, inspection, type RecordBody } from './record-kinds.js'
import { criminalPenalty, dishonestListing } from './sanctions.js'

/** How risky an agency is: sets the number and weight of its negative records. */
export type Risk = 'none' | 'low' | 'medium' | 'high'

/** Share of commercial agencies in each risk tier: most are clean, a long tail is not. */
export const RISK_WEIGHTS: readonly Weighted<Risk>[] = [
  ['none', 70],
  ['low', 20],
  ['medium', 8],
  ['high', 2],
]

/** A negative event an agency's history can contain. */
export type Negative =
  | 'penalty_minor'
  | 'penalty_general'
  | 'penalty_serious'
  | 'complaint'
  | 'inspection_failed'
  | 'report_late'
  | 'report_missing'
  | 'arbitration_minor'
  | 'arbitration_general'
  | 'revocation'
  | 'dishonest'
  | 'criminal'

const LOW_RISK_NEGATIVES: readonly Weighted<Negative>[] = [
  ['penalty_minor', 20],
  ['penalty_general', 8],
  ['complaint', 30],
  ['inspection_failed', 20],
  ['report_late', 12],
  ['arbitration_minor', 10],
]
const MEDIUM_RISK_NEGATIVES: readonly Weighted<Negative>[] = [
  ['penalty_minor', 15],
  ['penalty_general', 30],
  ['penalty_serious', 3],
  ['complaint', 18],
  ['inspection_failed', 8],
  ['report_late', 8],
  ['report_missing', 6],
  ['arbitration_minor', 6],
  ['arbitration_general', 6],
]
/** Every high-risk agency has one of these serious records. */
const SERIOUS_ANCHORS: readonly Weighted<Negative>[] = [
  ['penalty_serious', 50],
  ['revocation', 22],
  ['dishonest', 18],
  ['criminal', 10],
]
const LOW_RISK_TWO_SHARE = 0.25
const MEDIUM_RISK_COUNT = [2, 4] as const
const HIGH_RISK_EXTRA_COUNT = [2, 6] as const
const LISTED_AFTER_REVOCATION_SHARE = 0.4

/** The body of a negative event; report and revocation events reaching here had nothing to act on. */
export function negativeBody(
  c: BodyContext,
  negative: Negative,
  services: readonly ServiceType[],
  licensed: boolean,
): RecordBody {
  switch (negative) {
    case 'penalty_minor':
      return penalty(c, 'minor', { licensed, services })
    case 'penalty_general':
    case 'report_missing':
      return penalty(c, 'general', { licensed, services })
    case 'penalty_serious':
    case 'revocation':
      return penalty(c, 'serious', { licensed, services })
    case 'complaint':
    case 'report_late':
      return complaint(c, services)
    case 'inspection_failed':
      return inspection(c, false, services)
    case 'arbitration_minor':
      return arbitration(c, 'minor', services)
    case 'arbitration_general':
      return arbitration(c, 'general', services)
    case 'dishonest':
      return dishonestListing(c)
    case 'criminal':
      return criminalPenalty(c)
  }
}

/** The negative events of a risk tier: none, 1–2 light, 2–4 mixed, or a serious one plus 2–6 more. */
export function negatives(random: Random, risk: Risk): Negative[] {
  const draw = (table: readonly Weighted<Negative>[], count: number) =>
    Array.from({ length: count }, () => random.weighted(table))
  switch (risk) {
    case 'none':
      return []
    case 'low':
      return draw(LOW_RISK_NEGATIVES, random.chance(LOW_RISK_TWO_SHARE) ? 2 : 1)
    case 'medium':
      return draw(MEDIUM_RISK_NEGATIVES, random.int(...MEDIUM_RISK_COUNT))
    case 'high': {
      const anchor = random.weighted(SERIOUS_ANCHORS)
      const listed = anchor === 'revocation' && random.chance(LISTED_AFTER_REVOCATION_SHARE)
      const extra = draw(MEDIUM_RISK_NEGATIVES, random.int(...HIGH_RISK_EXTRA_COUNT))
      return [anchor, ...(listed ? (['dishonest'] as const) : []), ...extra]
    }
  }
}
