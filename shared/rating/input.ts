/**
 * What the engine rates: an agency's profile and its credit records, as plain data. The store's
 * items satisfy these types; the engine checks them at run time, because they come from outside.
 */
import type { Agency, CreditRecord, Permit } from '../agency/types.js'
import {
  AGENCY_STATUSES,
  type Label,
  type Outcome,
  PERMIT_KINDS,
  PERMIT_STATUSES,
  RECORD_KINDS,
  RECORD_STATUSES,
  type RecordKind,
  SECTORS,
  SERVICE_TYPES,
  SEVERITIES,
  type ServiceType,
  VIOLATIONS,
} from '../agency/vocabulary.js'
import { parseUscc } from '../identity/uscc.js'
import { parseDate } from '../time/calendar.js'

/** The profile fields the engine reads. */
export type RatingAgency = Pick<Agency, 'uscc' | 'sector' | 'status' | 'foundedOn'> & {
  serviceTypes: readonly ServiceType[]
  permits: readonly Permit[]
}

/** The record fields the engine reads. */
export type RatingRecord = Pick<
  CreditRecord,
  | 'id'
  | 'kind'
  | 'severity'
  | 'outcome'
  | 'violation'
  | 'year'
  | 'occurredOn'
  | 'status'
  | 'authority'
  | 'documentNo'
  | 'title'
>

export type RatingInput = { agency: RatingAgency; records: readonly RatingRecord[] }

/** Why an input cannot be rated; `path` points at the offending field. */
export type RatingInputProblem = { code: 'invalid_input'; path: string; message: Label }

/** The input cannot be rated; carries the reason. */
export class RatingInputError extends Error {
  override name = 'RatingInputError'
  constructor(readonly problem: RatingInputProblem) {
    super(`${problem.path}: ${problem.message.en}`)
  }
}

/** Kinds that are negative by nature and must carry a severity. */
const ALWAYS_NEGATIVE = new Set<RecordKind>([
  'penalty',
  'complaint',
  'arbitration',
  'licence_revocation',
  'dishonest_list',
  'criminal_penalty',
])
const NEGATIVE_OUTCOMES = new Set<string>(['rectification_ordered', 'late', 'missing'])
const KIND_OUTCOMES: Partial<Record<RecordKind, readonly Outcome[]>> = {
  inspection: ['passed', 'rectification_ordered'],
  annual_report: ['filed', 'late', 'missing'],
  honour: ['municipal', 'provincial', 'national'],
  complaint: ['upheld'],
  arbitration: ['lost'],
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value)

/** Throws RatingInputError for the first problem found; returns nothing when the input can be rated. */
export function checkRatingInput(input: RatingInput): void {
  const fail = (path: string, zh: string, en: string): never => {
    throw new RatingInputError({ code: 'invalid_input', path, message: { zh, en } })
  }
  const agency = input?.agency
  if (!agency || typeof agency !== 'object') fail('agency', '缺少机构信息', 'The agency is missing')
  const uscc = parseUscc(String(agency.uscc ?? ''))
  if (!uscc.ok || uscc.value !== agency.uscc)
    fail('agency.uscc', '统一社会信用代码无效', 'The USCC is not valid')
  if (!oneOf(SECTORS, agency.sector)) fail('agency.sector', '机构类别未知', 'Unknown sector')
  if (!oneOf(AGENCY_STATUSES, agency.status)) fail('agency.status', '机构状态未知', 'Unknown agency status')
  if (!parseDate(agency.foundedOn)) fail('agency.foundedOn', '成立日期无效', 'Founding date is not a date')
  if (!Array.isArray(agency.serviceTypes))
    fail('agency.serviceTypes', '服务类型缺失', 'Service types missing')
  agency.serviceTypes.forEach((s, i) => {
    if (!oneOf(SERVICE_TYPES, s))
      fail(`agency.serviceTypes[${i}]`, '服务类型未知', `Unknown service type ${String(s)}`)
  })
  if (!Array.isArray(agency.permits)) fail('agency.permits', '许可信息缺失', 'Permits missing')
  agency.permits.forEach((p, i) => {
    const at = `agency.permits[${i}]`
    if (!oneOf(PERMIT_KINDS, p?.kind)) fail(`${at}.kind`, '许可类型未知', 'Unknown permit kind')
    if (!oneOf(PERMIT_STATUSES, p.status)) fail(`${at}.status`, '许可状态未知', 'Unknown permit status')
    if (!parseDate(p.issuedOn)) fail(`${at}.issuedOn`, '发证日期无效', 'Issue date is not a date')
    if (p.validUntil !== undefined && !parseDate(p.validUntil))
      fail(`${at}.validUntil`, '有效期无效', 'Expiry is not a date')
  })
  if (!Array.isArray(input.records)) fail('records', '信用记录缺失', 'Records missing')
  const ids = new Set<string>()
  for (const [i, r] of input.records.entries()) checkRecord(r, `records[${i}]`, ids, fail)
}

function checkRecord(
  r: RatingRecord,
  at: string,
  ids: Set<string>,
  fail: (path: string, zh: string, en: string) => never,
): void {
  if (!r || typeof r.id !== 'string' || r.id.length === 0)
    fail(`${at}.id`, '记录编号缺失', 'Record id missing')
  if (ids.has(r.id)) fail(`${at}.id`, '记录编号重复', `Duplicate record id ${r.id}`)
  ids.add(r.id)
  if (!oneOf(RECORD_KINDS, r.kind))
    fail(`${at}.kind`, '记录类型未知', `Unknown record kind ${String(r.kind)}`)
  if (!oneOf(RECORD_STATUSES, r.status)) fail(`${at}.status`, '记录状态未知', 'Unknown record status')
  if (!parseDate(r.occurredOn)) fail(`${at}.occurredOn`, '决定日期无效', 'Decision date is not a date')
  if (r.severity !== undefined && !oneOf(SEVERITIES, r.severity))
    fail(`${at}.severity`, '严重程度未知', 'Unknown severity')
  if (r.violation !== undefined && !oneOf(VIOLATIONS, r.violation))
    fail(`${at}.violation`, '违规类型未知', 'Unknown violation')
  const outcomes = KIND_OUTCOMES[r.kind]
  if (r.outcome !== undefined && !(outcomes ?? []).includes(r.outcome)) {
    fail(`${at}.outcome`, '该类记录不应有此结果', `Outcome ${String(r.outcome)} does not fit a ${r.kind}`)
  }
  if (outcomes && r.kind !== 'complaint' && r.kind !== 'arbitration' && r.outcome === undefined) {
    fail(`${at}.outcome`, '缺少记录结果', `A ${r.kind} needs an outcome`)
  }
  const negative = ALWAYS_NEGATIVE.has(r.kind) || NEGATIVE_OUTCOMES.has(r.outcome ?? '')
  if (negative && r.severity === undefined)
    fail(`${at}.severity`, '失信记录缺少严重程度', 'A negative record needs a severity')
  if (!negative && r.severity !== undefined)
    fail(`${at}.severity`, '非失信记录不应有严重程度', 'Only negative records have a severity')
  if (r.kind === 'annual_report' && !Number.isInteger(r.year))
    fail(`${at}.year`, '年报缺少年度', 'An annual report needs its year')
  if (typeof r.authority !== 'string') fail(`${at}.authority`, '缺少决定机关', 'Issuing authority missing')
  if (typeof r.title?.zh !== 'string' || typeof r.title?.en !== 'string')
    fail(`${at}.title`, '缺少记录标题', 'Record title missing')
}

/**
 * Why the engine could not rate this one record (a path inside it and the reason), or undefined:
 * the same rules as for whole inputs, for officers' submissions to be refused before they are
 * stored rather than fail the rating later.
 */
export function recordProblem(r: RatingRecord): { path: string; message: string } | undefined {
  try {
    checkRecord(r, 'record', new Set(), (path, _zh, en) => {
      throw new RatingInputError({ code: 'invalid_input', path, message: { zh: _zh, en } })
    })
    return undefined
  } catch (error) {
    if (!(error instanceof RatingInputError)) throw error
    return { path: error.problem.path.replace(/^record\.?/, ''), message: error.problem.message.en }
  }
}
