/** Agency names that read like real ones: <城市><字号><行业词><组织形式>, unique across a data set. */
import type { Place } from './places.js'
import type { IndustryWord, Profile } from './profiles.js'
import type { Random, Weighted } from './random.js'

/** Plausible two- and three-character trade names (字号); none is a well-known brand. */
// biome-ignore format: a table
export const TRADE_NAMES = [
  '众信', '博才', '英才', '鼎力', '汇智', '诚达', '锦程', '华企', '联创', '智联达',
  '前程', '德才', '恒信', '聚贤', '才源', '优才', '卓越', '远航', '启航', '宏图',
  '腾达', '嘉禾', '同创', '协力', '恒通', '弘业', '瑞德', '信达', '安达', '广益',
  '仁和', '泰和', '润才', '骏业', '伯乐', '良才', '众合', '万才', '新才', '蓝海',
  '星辰', '睿智', '明德', '至诚', '正信', '盛世', '凯达', '永信', '才智', '佳信',
  '鸿业', '捷才', '华聘', '贤达', '优聘', '慧才', '精英', '云才', '智汇', '同心',
  '宝才', '聚英', '金桥', '百川',
] as const

/** Name patterns of public employment service institutions, after the area's full name. */
export const PUBLIC_NAME_PATTERNS = [
  '公共就业服务中心',
  '人才交流服务中心',
  '人力资源市场服务中心',
  '就业服务管理中心',
  '人才服务中心',
  '职业介绍服务中心',
] as const

/** A generated name with its aliases (short name, former name). */
export type AgencyName = { name: string; aliases: string[] }

const SINGLE_TRADE_NAME_ATTEMPTS = 20
const MAX_ATTEMPTS = 400
const CITY_WITH_SUFFIX_SHARE = 0.45
const SHORT_NAME_SHARE = 0.4
const FORMER_NAME_SHARE = 0.05

type Form = 'limited' | 'joint_stock' | 'branch'
const FORM_WEIGHTS: readonly (readonly [Form, number])[] = [
  ['limited', 88],
  ['joint_stock', 6],
  ['branch', 6],
]
const FORM_WORDS: Record<Exclude<Form, 'branch'>, string> = {
  limited: '有限公司',
  joint_stock: '股份有限公司',
}

/** The key two names collide on: 广州市众信… and 广州众信… are the same name to a registrar. */
export function nameKey(name: string): string {
  return name.replaceAll('市', '')
}

/**
 * A unique commercial agency name in `place`; `branchParents` gives the cities a branch's parent may
 * be registered in. Adds the name (and any former name) to `taken`.
 */
export function commercialName(
  random: Random,
  place: Place,
  profile: Profile,
  branchParents: readonly Weighted<Place>[],
  taken: Set<string>,
): AgencyName {
  const form = random.weighted(FORM_WEIGHTS)
  const industry: IndustryWord = random.weighted(profile.industry)
  const parent = form === 'branch' ? otherPlace(random, place, branchParents) : undefined
  const home = parent ?? place
  const suffix =
    parent !== undefined ? `有限公司${place.city}分公司` : FORM_WORDS[form === 'branch' ? 'limited' : form]
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const trade = tradeName(random, attempt)
    const name = `${cityWord(random, home)}${trade}${industry[0]}${suffix}`
    if (taken.has(nameKey(name))) continue
    taken.add(nameKey(name))
    const aliases: string[] = []
    if (parent === undefined && random.chance(SHORT_NAME_SHARE)) aliases.push(`${trade}${industry[1]}`)
    if (parent === undefined && random.chance(FORMER_NAME_SHARE)) {
      const former = `${cityWord(random, home)}${tradeName(random, attempt)}${industry[0]}有限公司`
      if (!taken.has(nameKey(former))) {
        taken.add(nameKey(former))
        aliases.push(former)
      }
    }
    return { name, aliases }
  }
  throw new Error(`could not find a free agency name in ${place.name} after ${MAX_ATTEMPTS} attempts`)
}

/** A unique public employment service name in `place`, or undefined when all patterns are taken. */
export function publicName(random: Random, place: Place, taken: Set<string>): AgencyName | undefined {
  for (const pattern of random.shuffle(PUBLIC_NAME_PATTERNS)) {
    const name = `${place.name}${pattern}`
    if (taken.has(nameKey(name))) continue
    taken.add(nameKey(name))
    return { name, aliases: [] }
  }
  return undefined
}

/** A trade name: a single one at first, two joined once the single ones keep colliding. */
function tradeName(random: Random, attempt: number): string {
  const first = random.pick(TRADE_NAMES)
  if (attempt < SINGLE_TRADE_NAME_ATTEMPTS) return first
  const second = random.pick(TRADE_NAMES)
  return second === first ? first : `${first}${second}`
}

/** 广州 or 广州市: real registrations use both. */
function cityWord(random: Random, place: Place): string {
  return random.chance(CITY_WITH_SUFFIX_SHARE) ? `${place.city}市` : place.city
}

/** A branch's parent city, by weight: any other city (a municipality counts as one city). */
function otherPlace(random: Random, place: Place, places: readonly Weighted<Place>[]): Place | undefined {
  const others = places.filter(([other]) => other.city !== place.city)
  return others.length > 0 ? random.weighted(others) : undefined
}
