/** What each kind of demo credit record says: titles, outcomes, authorities and sources. */

import type { CreditRecord } from '../agency/types.js'
import type { ServiceType, Severity, Violation } from '../agency/vocabulary.js'
import type { Serials } from './codes.js'
import { decisionNumber } from './penalties.js'
import { arbitrationCommittee, hrBureau, type Place, provincialHrDepartment } from './places.js'
import type { Random, Weighted } from './random.js'

/** The descriptive part of a record; the workflow part (ids, dates, officers, status) is added later. */
export type RecordBody = Pick<
  CreditRecord,
  | 'kind'
  | 'severity'
  | 'outcome'
  | 'year'
  | 'violation'
  | 'fineYuan'
  | 'title'
  | 'authority'
  | 'documentNo'
  | 'source'
>

/** What a body builder needs: the stream, decision-number serials, the area and the decision date. */
export type BodyContext = { random: Random; serials: Serials; place: Place; occurredOn: string }

type Phrase = readonly [zh: string, en: string]
/** A phrase that fits any agency, or only one offering a given service. */
type ServicePhrase = readonly [zh: string, en: string, only?: ServiceType]

const NATIONAL_REGISTER = '国家企业信用信息公示系统'
/** Spot-check results are published on the national register (条例 Art 35). */
const INSPECTION_ON_NATIONAL_REGISTER_SHARE = 0.6
const MINISTRY = '人力资源和社会保障部'

const COMPLAINTS: readonly ServicePhrase[] = [
  ['未按约定退还服务费', 'did not refund a fee as agreed'],
  ['服务内容与合同约定不符', 'the service did not match the contract'],
  [
    '收取服务费后未提供约定的职业介绍服务',
    'took a fee without providing the agreed placement service',
    'placement',
  ],
  ['介绍的岗位薪酬与招聘信息不符', 'pay for an introduced job did not match the advertisement', 'placement'],
  ['未按时足额支付被派遣劳动者工资', 'did not pay dispatched workers in full and on time', 'dispatch'],
  [
    '平台发布的招聘信息与实际岗位不符',
    'a job posted on its platform did not match the real one',
    'online_recruitment',
  ],
  ['培训结束后未按约定出具结业证明', 'did not issue the promised completion certificate', 'training'],
]

/** An upheld complaint (minor), about one of the agency's services. */
export function complaint(ctx: BodyContext, services: readonly ServiceType[]): RecordBody {
  const [zh, en] = pickFor(ctx.random, COMPLAINTS, services)
  const authority = hrBureau(ctx.place)
  return {
    kind: 'complaint',
    severity: 'minor',
    outcome: 'upheld',
    title: { zh: `投诉经查属实：${zh}`, en: `Complaint upheld: ${en}` },
    authority,
    source: { name: authority },
  }
}

const INSPECTIONS_PASSED: readonly Phrase[] = [
  ['双随机抽查：未发现问题', 'Random inspection: no problems found'],
  ['劳动保障监察：检查合格', 'Labour inspection: passed'],
]
const INSPECTIONS_FAILED: readonly (readonly [zh: string, en: string, Violation, ServiceType?])[] = [
  [
    '劳动保障监察：服务台账记录不全，责令限期改正',
    'Labour inspection: ordered to complete its service ledger',
    'missing_ledger',
  ],
  [
    '双随机抽查：未公示收费标准，责令改正',
    'Random inspection: ordered to display its fees',
    'display_failure',
  ],
  [
    '劳动保障监察：劳动合同文本不规范，责令改正',
    'Labour inspection: ordered to correct its labour contracts',
    'labour_contract',
  ],
  [
    '双随机抽查：网站首页未公示许可证，责令改正',
    'Random inspection: ordered to show its licence on its home page',
    'online_licence_not_displayed',
    'online_recruitment',
  ],
  [
    '双随机抽查：未及时撤下过期招聘信息，责令改正',
    'Random inspection: ordered to take down expired job postings',
    'stale_postings',
    'online_recruitment',
  ],
]

/** A labour inspection or random spot check: passed, or rectification ordered (minor) with its finding. */
export function inspection(
  ctx: BodyContext,
  passed: boolean,
  services: readonly ServiceType[] = [],
): RecordBody {
  const authority = hrBureau(ctx.place)
  const source = {
    name: ctx.random.chance(INSPECTION_ON_NATIONAL_REGISTER_SHARE) ? NATIONAL_REGISTER : authority,
  }
  if (passed) {
    const [zh, en] = ctx.random.pick(INSPECTIONS_PASSED)
    return { kind: 'inspection', outcome: 'passed', title: { zh, en }, authority, source }
  }
  const fits = INSPECTIONS_FAILED.filter(([, , , only]) => only === undefined || services.includes(only))
  const [zh, en, violation] = ctx.random.pick(fits)
  return {
    kind: 'inspection',
    severity: 'minor',
    outcome: 'rectification_ordered',
    violation,
    title: { zh, en },
    authority,
    source,
  }
}

/** Annual business report outcomes (条例 Art 36). */
export type ReportOutcome = 'filed' | 'late' | 'missing'

/** The annual business report for `year`: filed, late (minor) or missing (general). */
export function annualReport(ctx: BodyContext, year: number, outcome: ReportOutcome): RecordBody {
  const authority = hrBureau(ctx.place)
  const title = {
    filed: { zh: `报送${year}年度经营情况年度报告`, en: `Filed its ${year} annual business report` },
    late: { zh: `逾期报送${year}年度经营情况年度报告`, en: `Filed its ${year} annual business report late` },
    missing: {
      zh: `未报送${year}年度经营情况年度报告`,
      en: `Did not file its ${year} annual business report`,
    },
  }[outcome]
  const severity = outcome === 'late' ? 'minor' : outcome === 'missing' ? 'general' : undefined
  return {
    kind: 'annual_report',
    ...(severity === undefined ? {} : { severity }),
    outcome,
    year,
    title,
    authority,
    source: { name: authority },
  }
}

const DISPUTES: readonly ServicePhrase[] = [
  ['未依法支付加班工资', 'unpaid overtime'],
  ['违法解除劳动合同', 'unlawful termination of a labour contract'],
  ['未依法签订书面劳动合同', 'no written labour contract'],
  ['拖欠劳动报酬', 'wages in arrears'],
  ['被派遣劳动者未享受同工同酬', 'unequal pay for dispatched workers', 'dispatch'],
  ['退回被派遣劳动者后未依法支付经济补偿', 'no severance after returning dispatched workers', 'dispatch'],
]

/** A labour dispute arbitration case the agency lost (minor or general). */
export function arbitration(
  ctx: BodyContext,
  severity: Severity,
  services: readonly ServiceType[],
): RecordBody {
  const [zh, en] = pickFor(ctx.random, DISPUTES, services)
  const authority = arbitrationCommittee(ctx.place)
  return {
    kind: 'arbitration',
    severity,
    outcome: 'lost',
    title: { zh: `劳动人事争议仲裁败诉：${zh}`, en: `Lost a labour arbitration case: ${en}` },
    authority,
    documentNo: decisionNumber(ctx, authority, `${ctx.place.documentAbbr}劳人仲案字`),
    source: { name: authority },
  }
}

/** An honour from the city, the province or (rarely) the ministry. */
export function honour(ctx: BodyContext): RecordBody {
  const { random, place } = ctx
  type Honour = readonly [
    zh: string,
    en: string,
    authority: string,
    level: 'municipal' | 'provincial' | 'national',
  ]
  const options: readonly Weighted<Honour>[] = [
    [
      [
        `${place.name}人力资源诚信服务示范机构`,
        'a model integrity agency of the city',
        hrBureau(place),
        'municipal',
      ],
      45,
    ],
    [
      [
        `${place.province}人力资源诚信服务示范机构`,
        'a model integrity agency of the province',
        provincialHrDepartment(place),
        'provincial',
      ],
      20,
    ],
    [
      [
        `${place.name}优秀人力资源服务机构`,
        'an outstanding HR service agency of the city',
        hrBureau(place),
        'municipal',
      ],
      30,
    ],
    [['全国人力资源诚信服务示范机构', 'a national model integrity agency', MINISTRY, 'national'], 5],
  ]
  const [zh, en, authority, level] = random.weighted(options)
  return {
    kind: 'honour',
    outcome: level,
    title: { zh: `获评“${zh}”`, en: `Named ${en}` },
    authority,
    source: { name: authority },
  }
}

/** A phrase that fits the agency's services. */
function pickFor(
  random: Random,
  phrases: readonly ServicePhrase[],
  services: readonly ServiceType[],
): Phrase {
  const [zh, en] = random.pick(phrases.filter(([, , only]) => only === undefined || services.includes(only)))
  return [zh, en]
}
