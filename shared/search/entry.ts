/**
 * What the search index knows of an agency: names and their pinyin, codes, where it is, what it
 * does and its grade. Small enough to hold every agency in memory (and to ship as a file).
 */
import type { Grade, ServiceType } from '../agency/vocabulary.js'

export type SearchEntry = {
  uscc: string
  name: string
  aliases: string[]
  region: string
  serviceTypes: ServiceType[]
  licenceNumbers: string[]
  grade: Grade
  /** Total points in tenths, absent when not rated. */
  score?: number
  /** The CST date the rating was computed. */
  ratedOn?: string
  demo: boolean
  /** Full pinyin of the name and aliases, lower case without tones, syllables space-separated, names '|'-separated. */
  pinyin: string
  /** Pinyin initials of the same, '|'-separated. */
  initials: string
}

/** Turns Chinese text into [full pinyin with syllables space-separated, initials], lower case without tones. */
export type PinyinOf = (text: string) => [full: string, initials: string]

/** No pinyin: Chinese and code search still work (used where the pinyin dictionary is too large to ship). */
export const noPinyin: PinyinOf = () => ['', '']

/** The readings of a name and its aliases. */
export function nameReadings(
  names: readonly string[],
  pinyinOf: PinyinOf,
): { pinyin: string; initials: string } {
  const readings = names.map(pinyinOf)
  return {
    pinyin: readings.map(([full]) => full).join('|'),
    initials: readings.map(([, first]) => first).join('|'),
  }
}

/** Builds an entry from a profile and its current rating; readings stored with the profile win. */
export function toSearchEntry(
  agency: {
    uscc: string
    name: string
    aliases: string[]
    region: string
    serviceTypes: ServiceType[]
    permits: { number: string }[]
    demo: boolean
    readings?: { pinyin: string; initials: string }
  },
  rating: { grade: Grade; score?: number; computedAt: string } | undefined,
  pinyinOf: PinyinOf,
  chinaDateOf: (instant: string) => string,
): SearchEntry {
  const readings = agency.readings ?? nameReadings([agency.name, ...agency.aliases], pinyinOf)
  return {
    uscc: agency.uscc,
    name: agency.name,
    aliases: agency.aliases,
    region: agency.region,
    serviceTypes: agency.serviceTypes,
    licenceNumbers: agency.permits.map((p) => p.number),
    grade: rating?.grade ?? 'NR',
    ...(rating?.score === undefined ? {} : { score: rating.score }),
    ...(rating ? { ratedOn: chinaDateOf(rating.computedAt) } : {}),
    demo: agency.demo,
    pinyin: readings.pinyin,
    initials: readings.initials,
  }
}
