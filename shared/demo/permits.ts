/** Permits of demo agencies: HR service licence, filing and labour-dispatch licence, in provincial formats. */

import type { Agency } from '../agency/types.js'
import type { PermitKind, ServiceType } from '../agency/vocabulary.js'
import { addDays, addYears, maxDate, minDate } from '../time/calendar.js'
import type { Serials } from './codes.js'
import { hrBureau, type Place } from './places.js'
import type { Random } from './random.js'

/** One permit as stored on the agency item. */
export type PermitInput = Agency['permits'][number]

/** 职业中介 services: they need the HR service licence (条例 Art 18). */
export const LICENSED_SERVICES: readonly ServiceType[] = ['placement', 'online_recruitment', 'headhunting']
/** Services that need only a filing (备案) within 15 days (条例 Art 18). */
export const FILED_SERVICES: readonly ServiceType[] = [
  'outsourcing',
  'training',
  'assessment',
  'consulting',
  'info_publishing',
]

/** The labour-dispatch licence exists since the 2013 implementing measures took effect. */
const DISPATCH_LICENSING_START = '2013-07-01'
/** The 人力资源市场暂行条例 took effect; many older permits were re-issued in the new format. */
const REGULATION_START = '2018-10-01'
const REISSUE_WINDOW_DAYS = 456
const REISSUED_SHARE = 0.6
const DISPATCH_VALID_YEARS = 3
/** Share of renewals that lapse while the firm still offers dispatch (a veto item); about 1% of agencies. */
const NOT_RENEWED_SHARE = 0.02
/** Share of agencies with a licensed service that hold no permit at all (a veto item). */
export const MISSING_PERMITS_SHARE = 0.012
const PROMPT_APPLICATION_SHARE = 0.7
const PROMPT_APPLICATION_DAYS = [10, 120] as const
const FILING_AFTER_LICENCE_MAX_DAYS = 60
/** Dispatch licences were first issued over the half year after licensing began. */
const DISPATCH_ROLLOUT_DAYS = 180

/** Draws the permits an agency holds as of `asOf` for its services. */
export function drawPermits(
  random: Random,
  serials: Serials,
  agency: { place: Place; services: readonly ServiceType[]; foundedOn: string; deregistered: boolean },
  asOf: string,
): PermitInput[] {
  const { place, services, foundedOn, deregistered } = agency
  const licensed = services.some((service) => LICENSED_SERVICES.includes(service))
  const filed = services.some((service) => FILED_SERVICES.includes(service))
  const dispatch = services.includes('dispatch')
  if ((licensed || dispatch) && random.chance(MISSING_PERMITS_SHARE)) return []

  const permits: PermitInput[] = []
  const applied = applicationDate(random, foundedOn, asOf)
  const issue = (kind: PermitKind, issuedOn: string, validUntil?: string): void => {
    const expired = validUntil !== undefined && validUntil < asOf
    permits.push({
      kind,
      number: permitNumber(random, serials, kind, place, issuedOn.slice(0, 4)),
      authority: hrBureau(place),
      issuedOn,
      ...(validUntil === undefined ? {} : { validUntil }),
      status: deregistered ? 'cancelled' : expired ? 'expired' : 'valid',
    })
  }
  if (licensed) issue('hr_licence', reissued(random, applied, asOf))
  if (filed)
    issue(
      'hr_filing',
      reissued(random, minDate(addDays(applied, random.int(0, FILING_AFTER_LICENCE_MAX_DAYS)), asOf), asOf),
    )
  if (dispatch) {
    const first = minDate(
      maxDate(applied, addDays(DISPATCH_LICENSING_START, random.int(0, DISPATCH_ROLLOUT_DAYS))),
      asOf,
    )
    const { issuedOn, validUntil } = dispatchTerm(random, first, asOf)
    issue('dispatch_licence', issuedOn, validUntil)
  }
  return permits
}

/** The number printed on a permit, e.g. （粤）人服证字〔2021〕第0100123号 or 粤劳派字〔2022〕第0100077号. */
export function permitNumber(
  random: Random,
  serials: Serials,
  kind: PermitKind,
  place: Place,
  year: string,
): string {
  const serial = serials.next(random, `${kind}|${place.provinceAbbr}${place.sequence}|${year}`)
  const digits = `${place.sequence}${String(serial).padStart(5, '0')}`
  switch (kind) {
    case 'hr_licence':
      return `（${place.provinceAbbr}）人服证字〔${year}〕第${digits}号`
    case 'hr_filing':
      return `（${place.provinceAbbr}）人服备字〔${year}〕第${digits}号`
    case 'dispatch_licence':
      return `${place.provinceAbbr}劳派字〔${year}〕第${digits}号`
  }
}

/** When the agency applied: usually within months of founding, sometimes years later. */
function applicationDate(random: Random, foundedOn: string, asOf: string): string {
  const prompt = random.chance(PROMPT_APPLICATION_SHARE)
  const date = prompt
    ? addDays(foundedOn, random.int(...PROMPT_APPLICATION_DAYS))
    : random.dateBetween(foundedOn, asOf)
  return minDate(date, asOf)
}

/** Permits issued before the 条例 were often re-issued in its first fifteen months. */
function reissued(random: Random, issuedOn: string, asOf: string): string {
  if (issuedOn >= REGULATION_START || asOf < REGULATION_START || !random.chance(REISSUED_SHARE))
    return issuedOn
  return random.dateBetween(REGULATION_START, minDate(addDays(REGULATION_START, REISSUE_WINDOW_DAYS), asOf))
}

/** The current term of a dispatch licence first issued on `first`: renewed every 3 years, or lapsed. */
function dispatchTerm(random: Random, first: string, asOf: string): { issuedOn: string; validUntil: string } {
  let issuedOn = first
  while (addYears(issuedOn, DISPATCH_VALID_YEARS) < asOf) {
    if (random.chance(NOT_RENEWED_SHARE)) break
    issuedOn = addYears(issuedOn, DISPATCH_VALID_YEARS)
  }
  return { issuedOn, validUntil: addYears(issuedOn, DISPATCH_VALID_YEARS) }
}
