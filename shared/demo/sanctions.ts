/** The serious sanctions: licence revocation, dishonest-entity listing, criminal conviction. */
import { PERMIT_KIND_LABELS, type PermitKind } from '../agency/vocabulary.js'
import { decisionNumber } from './penalties.js'
import { creditChina, criminalCourt, hrBureau } from './places.js'
import type { BodyContext, RecordBody } from './record-kinds.js'

/** Violations serious enough for revocation. */
const REVOCATION_VIOLATIONS = ['false_information', 'deposit_taking', 'privacy_breach'] as const
const COURT_REGISTER = '中国裁判文书网'
const CRIMES: readonly (readonly [zh: string, en: string])[] = [
  ['非法经营罪', 'illegal business operation'],
  ['合同诈骗罪', 'contract fraud'],
]
const REVOKED_ON_CREDIT_CHINA_SHARE = 0.5
/** Criminal case numbers run higher than HR decision numbers: first up to 400, then steps up to 20. */
const CASE_SERIAL_START_MAX = 400
const CASE_SERIAL_STEP_MAX = 20

/** Revocation of one of the agency's licences (serious). */
export function licenceRevocation(ctx: BodyContext, kind: PermitKind): RecordBody {
  const authority = hrBureau(ctx.place)
  const label = PERMIT_KIND_LABELS[kind]
  return {
    kind: 'licence_revocation',
    severity: 'serious',
    violation: ctx.random.pick(REVOCATION_VIOLATIONS),
    title: { zh: `因严重违法被吊销${label.zh}`, en: `${label.en} revoked for serious violations` },
    authority,
    documentNo: decisionNumber(ctx, authority, `${ctx.place.documentAbbr}人社监罚`),
    source: { name: ctx.random.chance(REVOKED_ON_CREDIT_CHINA_SHARE) ? creditChina(ctx.place) : authority },
  }
}

/** Listing as a seriously dishonest entity (serious). */
export function dishonestListing(ctx: BodyContext): RecordBody {
  return {
    kind: 'dishonest_list',
    severity: 'serious',
    title: {
      zh: '被列入人力资源市场严重失信主体名单',
      en: 'Listed as a seriously dishonest entity in the HR market',
    },
    authority: hrBureau(ctx.place),
    source: { name: creditChina(ctx.place) },
  }
}

/** A criminal conviction of the person in charge (serious); no person is named. */
export function criminalPenalty(ctx: BodyContext): RecordBody {
  const [zh, en] = ctx.random.pick(CRIMES)
  const court = criminalCourt(ctx.place)
  const year = ctx.occurredOn.slice(0, 4)
  const serial = ctx.serials.next(
    ctx.random,
    `${court.name}|${year}`,
    CASE_SERIAL_START_MAX,
    CASE_SERIAL_STEP_MAX,
  )
  return {
    kind: 'criminal_penalty',
    severity: 'serious',
    title: { zh: `主要负责人因${zh}被判处刑罚`, en: `The person in charge was convicted of ${en}` },
    authority: court.name,
    documentNo: `（${year}）${court.code}刑初${serial}号`,
    source: { name: COURT_REGISTER },
  }
}
