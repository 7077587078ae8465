/** Administrative penalties: violations, fines (条例 Art 42–44) and decision numbers. */
import type { ServiceType, Severity, Violation as ViolationCode } from '../agency/vocabulary.js'
import { creditChina, hrBureau, marketBureau, type Place } from './places.js'
import type { Random, Weighted } from './random.js'
import type { BodyContext, RecordBody } from './record-kinds.js'

type Violation = {
  phrase: readonly [zh: string, en: string]
  fine: readonly [min: number, max: number]
  weight: number
  /** Also enforced by the market regulator (advertising, fees). */
  market: boolean
  /** Only an online recruiter can commit it (人社部令第44号). */
  online?: true
}

/** Display, ledger and change-report failures (条例 Art 43–44). */
const LOW_FINE = [5_000, 10_000] as const
/** Unlicensed placement and breaches of Arts 24, 27–31 (条例 Art 42, 44). */
const HIGH_FINE = [10_000, 50_000] as const
const SERIOUS_FINE_FLOOR = 30_000
const MINOR_FINE_SPAN = 0.2
const GENERAL_FINE_SPAN = 0.6
const FINE_STEP = 1_000
const WARNING_SHARE = 0.4
const MARKET_REGULATOR_SHARE = 0.25
const NATIONAL_REGISTER = '国家企业信用信息公示系统'

/** Violations an HR agency is penalised for, by code, with the fine range the 条例 sets. */
export const VIOLATIONS: Partial<Record<ViolationCode, Violation>> = {
  false_information: {
    phrase: ['发布虚假招聘信息', 'Published false job information'],
    fine: HIGH_FINE,
    weight: 20,
    market: true,
  },
  discriminatory_posting: {
    phrase: ['发布含有性别歧视内容的招聘信息', 'Published job advertisements with gender requirements'],
    fine: HIGH_FINE,
    weight: 3,
    market: false,
  },
  unlicensed_activity: {
    phrase: ['未经许可擅自从事职业中介活动', 'Carried on job placement without a licence'],
    fine: HIGH_FINE,
    weight: 6,
    market: false,
  },
  deposit_taking: {
    phrase: ['以招聘为名向求职者收取押金', 'Took deposits from job seekers'],
    fine: HIGH_FINE,
    weight: 8,
    market: true,
  },
  privacy_breach: {
    phrase: ['违规泄露求职者个人信息', "Disclosed job seekers' personal information"],
    fine: HIGH_FINE,
    weight: 6,
    market: false,
  },
  missing_ledger: {
    phrase: ['未按规定建立服务台账', 'Did not keep the required service ledger'],
    fine: LOW_FINE,
    weight: 16,
    market: false,
  },
  display_failure: {
    phrase: ['未在服务场所明示服务项目和收费标准', 'Did not display its services and fees at its premises'],
    fine: LOW_FINE,
    weight: 18,
    market: false,
  },
  late_change_report: {
    phrase: ['变更住所未按规定书面报告', 'Did not report a change of address within 15 days'],
    fine: LOW_FINE,
    weight: 12,
    market: false,
  },
  online_licence_not_displayed: {
    phrase: [
      '未在网站首页显著位置持续公示人力资源服务许可证',
      'Did not show its HR licence on its website home page',
    ],
    fine: LOW_FINE,
    weight: 30,
    market: false,
    online: true,
  },
  employer_not_verified: {
    phrase: [
      '未审核用人单位资质即发布招聘信息',
      "Published jobs without checking the employers' credentials",
    ],
    fine: HIGH_FINE,
    weight: 25,
    market: false,
    online: true,
  },
  stale_postings: {
    phrase: ['未及时撤下已失效的招聘信息', 'Left expired job postings online'],
    fine: LOW_FINE,
    weight: 20,
    market: false,
    online: true,
  },
}

/**
 * An administrative penalty. Serious ones only for ¥10k–50k violations; unlicensed activity only
 * for agencies without an HR licence; minor ones are often a warning without a fine.
 */
export function penalty(
  ctx: BodyContext,
  severity: Severity,
  options: { violation?: ViolationCode; licensed: boolean; services?: readonly ServiceType[] },
): RecordBody {
  const { random, place } = ctx
  const online = options.services?.includes('online_recruitment') ?? false
  const code = options.violation ?? drawViolation(random, severity, options.licensed, online)
  const violation = VIOLATIONS[code]
  if (violation === undefined) throw new RangeError(`unknown violation ${code}`)
  const [min, max] = violation.fine
  const fineYuan =
    severity === 'minor' && random.chance(WARNING_SHARE) ? undefined : fine(random, severity, min, max)
  const market = violation.market && random.chance(MARKET_REGULATOR_SHARE)
  const authority = market ? marketBureau(place) : hrBureau(place)
  const [zh, en] = violation.phrase
  return {
    kind: 'penalty',
    severity,
    violation: code,
    ...(fineYuan === undefined ? {} : { fineYuan }),
    title:
      fineYuan === undefined
        ? { zh: `${zh}，被给予警告`, en: `${en}; warned` }
        : { zh: `${zh}，被罚款${yuanZh(fineYuan)}`, en: `${en}; fined ¥${groupThousands(fineYuan)}` },
    authority,
    documentNo: decisionNumber(ctx, authority, `${place.documentAbbr}${market ? '市监处罚' : '人社监罚'}`),
    source: { name: random.weighted(penaltySources(place, authority)) },
  }
}

/** A decision number such as 穗人社监罚〔2025〕23号, numbered per authority and year. */
export function decisionNumber(ctx: BodyContext, authority: string, prefix: string): string {
  const year = ctx.occurredOn.slice(0, 4)
  return `${prefix}〔${year}〕${ctx.serials.next(ctx.random, `${authority}|${year}`)}号`
}

function drawViolation(
  random: Random,
  severity: Severity,
  licensed: boolean,
  online: boolean,
): ViolationCode {
  const candidates: Weighted<ViolationCode>[] = []
  for (const [code, v] of Object.entries(VIOLATIONS) as [ViolationCode, Violation][]) {
    if (severity === 'serious' && v.fine !== HIGH_FINE) continue
    if (code === 'unlicensed_activity' && licensed) continue
    if (v.online && !online) continue
    candidates.push([code, v.weight])
  }
  return random.weighted(candidates)
}

/** A fine in whole thousands: the bottom of the range for minor, up to the top for serious. */
function fine(random: Random, severity: Severity, min: number, max: number): number {
  const span = max - min
  const [low, high] =
    severity === 'minor'
      ? [min, min + span * MINOR_FINE_SPAN]
      : severity === 'general'
        ? [min, min + span * GENERAL_FINE_SPAN]
        : [Math.max(min, SERIOUS_FINE_FLOOR), max]
  return random.int(Math.ceil(low / FINE_STEP), Math.floor(high / FINE_STEP)) * FINE_STEP
}

/** 20000 → 2万元, 15000 → 1.5万元, 8000 → 8000元. */
function yuanZh(yuan: number): string {
  return yuan >= 10_000 ? `${yuan / 10_000}万元` : `${yuan}元`
}

/** 20000 → 20,000 without locale data. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}

function penaltySources(place: Place, authority: string): readonly Weighted<string>[] {
  return [
    [creditChina(place), 50],
    [NATIONAL_REGISTER, 25],
    [authority, 25],
  ]
}
