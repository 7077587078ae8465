/**
 * Deterministic demo data: realistic-looking HR service agencies and their credit records, all
 * marked demo. Pure: no I/O, no clock, no Math.random; the same options give the same output.
 */

import type { Agency, CreditRecord } from '../agency/types.js'
import { SERVICE_TYPES, type Sector } from '../agency/vocabulary.js'
import { nameReadings } from '../search/entry.js'
import { pinyinOf } from '../search/pinyin.js'
import {
  addDays,
  addYears,
  cstInstant,
  dayNumber,
  fromDayNumber,
  isoTimestamp,
  minDate,
  startOfChinaDate,
} from '../time/calendar.js'
import { newUscc, Serials } from './codes.js'
import { type AgencyName, commercialName, publicName } from './names.js'
import { drawPermits } from './permits.js'
import { WEIGHTED_PLACES } from './places.js'
import { COMMERCIAL_PROFILES, drawServices, PUBLIC_PROFILE } from './profiles.js'
import { Random } from './random.js'
import { drawRecords } from './records.js'

/** A made-up domain from the name's initials and the code (draws no random numbers). */
const demoDomain = (initials: string, uscc: string) =>
  `www.${initials.split('|')[0]?.slice(0, 8) ?? 'hr'}${uscc.slice(-4).toLowerCase()}.example`

/** How much data to make, from which seed, as of which CST calendar date (yyyy-mm-dd). */
export type DemoOptions = { agencies: number; seed: number; asOf: string }

/** Agencies sorted by USCC; records grouped by agency in that order, each group by (occurredOn, id). */
export type DemoData = { agencies: Agency[]; records: CreditRecord[] }

/** Share of agencies that are public employment service institutions (out of the rating's scope). */
const PUBLIC_SHARE = 0.03
const DEREGISTERED_SHARE = 0.02
/** Share founded within the last twelve months, too new to rate. */
const NEW_AGENCY_SHARE = 0.04
const EARLIEST_FOUNDING = '1995-01-01'
const LATEST_PUBLIC_FOUNDING = '2012-12-31'
/** Founding dates skew recent: the date's position in the range is u^0.4 for uniform u. */
const FOUNDING_RECENCY_EXPONENT = 0.4
/** Items are stamped as refreshed at 02:00 CST on the as-of date. */
const UPDATE_HOUR_CST = 2

/** Same options → byte-identical output (JSON.stringify equal). */
export function generateDemoData(options: DemoOptions): DemoData {
  const { agencies: count, seed, asOf } = options
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`agencies must be a whole number ≥ 0`)
  startOfChinaDate(asOf)
  const random = new Random(seed)
  const serials = new Serials()
  const names = new Set<string>()
  const usccs = new Set<string>()
  const updatedAt = isoTimestamp(cstInstant(asOf, UPDATE_HOUR_CST))
  const generated: { agency: Agency; records: CreditRecord[] }[] = []

  for (let i = 0; i < count; i++) {
    const place = random.weighted(WEIGHTED_PLACES)
    const wantsPublic = random.chance(PUBLIC_SHARE)
    const publicNaming = wantsPublic ? publicName(random, place, names) : undefined
    const sector: Sector = publicNaming === undefined ? 'commercial' : 'public'
    const profile = sector === 'public' ? PUBLIC_PROFILE : random.weighted(COMMERCIAL_PROFILES)
    const naming: AgencyName = publicNaming ?? commercialName(random, place, profile, WEIGHTED_PLACES, names)
    const foundedOn = sector === 'public' ? publicFounding(random, asOf) : commercialFounding(random, asOf)
    const serviceTypes = drawServices(random, profile, SERVICE_TYPES)
    const deregistered = sector === 'commercial' && random.chance(DEREGISTERED_SHARE)
    const uscc = newUscc(random, sector, place, foundedOn, usccs)
    const permits =
      sector === 'public'
        ? []
        : drawPermits(random, serials, { place, services: serviceTypes, foundedOn, deregistered }, asOf)
    const records = drawRecords(
      random,
      serials,
      { uscc, place, sector, services: serviceTypes, foundedOn, permits },
      asOf,
    )
    const readings = nameReadings([naming.name, ...naming.aliases], pinyinOf)
    const agency: Agency = {
      uscc,
      name: naming.name,
      aliases: naming.aliases,
      readings,
      // Commercial agencies run a site of their own; names under .example (RFC 2606) are never real.
      ...(sector === 'commercial' ? { domains: [demoDomain(readings.initials, uscc)] } : {}),
      region: place.code,
      sector,
      serviceTypes,
      permits,
      foundedOn,
      status: deregistered ? 'deregistered' : 'operating',
      demo: true,
      updatedAt,
      version: 1,
    }
    generated.push({ agency, records })
  }

  generated.sort((a, b) => (a.agency.uscc < b.agency.uscc ? -1 : a.agency.uscc > b.agency.uscc ? 1 : 0))
  return {
    agencies: generated.map(({ agency }) => agency),
    records: generated.flatMap(({ records }) => records),
  }
}

/** 1995 to as-of, skewed to recent years; ~4% within the last twelve months. */
function commercialFounding(random: Random, asOf: string): string {
  const newSince = addDays(addYears(asOf, -1), 1)
  if (random.chance(NEW_AGENCY_SHARE)) return random.dateBetween(newSince, asOf)
  const end = addDays(newSince, -1)
  const start = dayNumber(minDate(EARLIEST_FOUNDING, end))
  const span = dayNumber(end) - start + 1
  return fromDayNumber(
    start + Math.min(span - 1, Math.floor(span * random.next() ** FOUNDING_RECENCY_EXPONENT)),
  )
}

/** Public employment service centres are old: 1995 to 2012 (or a year before as-of, if earlier). */
function publicFounding(random: Random, asOf: string): string {
  const end = minDate(LATEST_PUBLIC_FOUNDING, addYears(asOf, -1))
  return random.dateBetween(minDate(EARLIEST_FOUNDING, end), end)
}
