/** The rules every generated data set must satisfy; returns the broken ones as readable strings. */
import { decodeTime, isValid } from 'ulid'
import type { DemoData } from '../../../shared/demo/generate.js'
import { CITIES } from '../../../shared/identity/regions.js'
import { parseUscc } from '../../../shared/identity/uscc.js'

/** HR licence and filing numbers in the provincial text format. */
export const HR_PERMIT_NUMBER =
  /^（[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新]）人服(证|备)字〔\d{4}〕第\d{7}号$/
/** Labour-dispatch licence numbers. */
export const DISPATCH_NUMBER =
  /^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新]劳派字〔\d{4}〕第\d{7}号$/

const LOW_FINE_VIOLATIONS = new Set([
  'missing_ledger',
  'display_failure',
  'late_change_report',
  'online_licence_not_displayed',
  'stale_postings',
])
const MIN_PUBLICITY_MONTHS = { general: 3, serious: 12 }

/** Every rule the data set breaks, at most a few examples of each. */
export function demoDataProblems(data: DemoData, asOf: string): string[] {
  const problems: string[] = []
  const fail = (message: string) => {
    if (problems.length < 20) problems.push(message)
  }
  const usccs = new Set<string>()
  const names = new Set<string>()
  const agencies = new Map(data.agencies.map((agency) => [agency.uscc, agency]))
  const updatedAt = new Date(Date.parse(`${asOf}T02:00:00+08:00`)).toISOString()
  let previousUscc = ''

  for (const agency of data.agencies) {
    const { uscc } = agency
    const parsed = parseUscc(uscc)
    if (!parsed.ok || parsed.warnings.length > 0) fail(`${uscc}: not a valid USCC`)
    else if (parsed.area !== agency.region)
      fail(`${uscc}: area ${parsed.area} is not region ${agency.region}`)
    const expectedPrefix = agency.sector === 'public' ? '12' : '91'
    if (!uscc.startsWith(expectedPrefix))
      fail(`${uscc}: ${agency.sector} agency without prefix ${expectedPrefix}`)
    if (usccs.has(uscc)) fail(`${uscc}: duplicate USCC`)
    usccs.add(uscc)
    if (uscc <= previousUscc) fail(`${uscc}: agencies not sorted by USCC`)
    previousUscc = uscc
    if (names.has(agency.name)) fail(`${agency.name}: duplicate name`)
    names.add(agency.name)
    if (!(agency.region in CITIES)) fail(`${uscc}: region ${agency.region} not in CITIES`)
    if (agency.demo !== true || agency.version !== 1) fail(`${uscc}: not marked demo, version 1`)
    if (agency.updatedAt !== updatedAt) fail(`${uscc}: updatedAt ${agency.updatedAt}, expected ${updatedAt}`)
    if (agency.foundedOn < '1995-01-01' || agency.foundedOn > asOf)
      fail(`${uscc}: founded ${agency.foundedOn}`)
    for (const permit of agency.permits) {
      if (permit.issuedOn < agency.foundedOn || permit.issuedOn > asOf) {
        fail(`${uscc}: permit issued ${permit.issuedOn} outside ${agency.foundedOn}..${asOf}`)
      }
      const pattern = permit.kind === 'dispatch_licence' ? DISPATCH_NUMBER : HR_PERMIT_NUMBER
      if (!pattern.test(permit.number)) fail(`${uscc}: permit number ${permit.number}`)
      if (!permit.authority.endsWith('人力资源和社会保障局'))
        fail(`${uscc}: permit authority ${permit.authority}`)
      if (permit.kind === 'dispatch_licence') {
        const expected = `${Number(permit.issuedOn.slice(0, 4)) + 3}${permit.issuedOn.slice(4)}`
        if (
          permit.validUntil !== expected &&
          !(expected.endsWith('02-29') && permit.validUntil?.endsWith('02-28'))
        ) {
          fail(`${uscc}: dispatch licence issued ${permit.issuedOn} valid until ${permit.validUntil}`)
        }
        const lapsed = (permit.validUntil ?? '') < asOf
        if (permit.status === 'valid' && lapsed) fail(`${uscc}: lapsed dispatch licence marked valid`)
        if (permit.status === 'expired' && !lapsed) fail(`${uscc}: dispatch licence in force marked expired`)
      }
      if (agency.status === 'deregistered' && permit.status === 'valid')
        fail(`${uscc}: deregistered, permit valid`)
    }
  }

  let previous = ''
  const ids = new Set<string>()
  for (const record of data.records) {
    const agency = agencies.get(record.uscc)
    const where = `${record.uscc} ${record.kind} ${record.occurredOn}`
    if (agency === undefined) {
      fail(`${where}: no such agency`)
      continue
    }
    const order = `${record.uscc}|${record.occurredOn}|${record.id}`
    if (order <= previous) fail(`${where}: records not sorted by (agency, occurredOn, id)`)
    previous = order
    if (record.occurredOn < agency.foundedOn || record.occurredOn > asOf) {
      fail(`${where}: occurred outside ${agency.foundedOn}..${asOf}`)
    }
    if (record.region !== agency.region) fail(`${where}: region ${record.region} is not the agency's`)
    if (record.demo !== true || record.version !== 1) fail(`${where}: not marked demo, version 1`)
    if (!isValid(record.id) || ids.has(record.id)) fail(`${where}: id ${record.id} invalid or duplicate`)
    ids.add(record.id)
    const submittedAt = Date.parse(record.submitted.at)
    if (decodeTime(record.id) !== submittedAt) fail(`${where}: id time is not the submission time`)
    if (record.submitted.at.slice(0, 10) <= record.occurredOn) fail(`${where}: submitted before it occurred`)
    if (submittedAt >= Date.parse(updatedAt)) fail(`${where}: submitted after the as-of refresh`)
    if (record.status === 'pending') {
      if (record.reviewed !== undefined) fail(`${where}: pending but reviewed`)
    } else if (record.reviewed === undefined) {
      fail(`${where}: ${record.status} but not reviewed`)
    } else {
      if (record.reviewed.officerId === record.submitted.officerId) fail(`${where}: reviewed by its maker`)
      if (Date.parse(record.reviewed.at) <= submittedAt) fail(`${where}: reviewed before submitted`)
      if (Date.parse(record.reviewed.at) >= Date.parse(updatedAt)) fail(`${where}: reviewed after as-of`)
    }
    if (record.status === 'repaired') {
      const minimum =
        record.severity === 'general' || record.severity === 'serious' ? record.severity : undefined
      const earliest = minimum && addMonthsIso(record.occurredOn, MIN_PUBLICITY_MONTHS[minimum])
      if (record.repairedOn === undefined || earliest === undefined || record.repairedOn < earliest) {
        fail(`${where}: repaired on ${record.repairedOn} before its minimum publicity period`)
      }
      if (record.repairedOn !== undefined && record.repairedOn > asOf) fail(`${where}: repaired after as-of`)
    } else if (record.repairedOn !== undefined) {
      fail(`${where}: repairedOn on a ${record.status} record`)
    }
    const positive = record.kind === 'honour' || (record.kind === 'inspection' && record.outcome === 'passed')
    const neutral = record.kind === 'annual_report' && record.outcome === 'filed'
    if ((positive || neutral) !== (record.severity === undefined))
      fail(`${where}: severity ${record.severity}`)
    if (record.kind === 'annual_report' && record.occurredOn !== `${(record.year ?? 0) + 1}-06-30`) {
      fail(`${where}: annual report for ${record.year} not dated June 30 of the next year`)
    }
    if (record.kind === 'complaint' && (record.severity !== 'minor' || record.outcome !== 'upheld')) {
      fail(`${where}: complaint not minor and upheld`)
    }
    if (record.fineYuan !== undefined) {
      const [min, max] = LOW_FINE_VIOLATIONS.has(record.violation ?? '') ? [5_000, 10_000] : [10_000, 50_000]
      if (record.fineYuan < min || record.fineYuan > max)
        fail(`${where}: fine ${record.fineYuan} for ${record.violation}`)
    }
    if (record.kind === 'licence_revocation') {
      if (!agency.permits.some((permit) => permit.status === 'revoked'))
        fail(`${where}: no permit marked revoked`)
    }
  }
  return problems
}

function addMonthsIso(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}
