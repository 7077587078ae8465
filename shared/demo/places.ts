/** Where demo agencies register: the CITIES list with weights, abbreviations and authority names. */
import { CITIES, PROVINCES } from '../identity/regions.js'
import type { Weighted } from './random.js'

/** A registration area with the words the generator needs to name things in it. */
export type Place = {
  /** GB/T 2260 code, e.g. 440100 or 110105. */
  code: string
  /** Full name, e.g. 广州市 or 北京市朝阳区. */
  name: string
  /** City name without 市, e.g. 广州 or 北京: the first word of a company name. */
  city: string
  /** Province-level name, e.g. 广东省 or 北京市. */
  province: string
  /** Province name without its suffix, e.g. 广东, 内蒙古: as in 信用中国（广东）. */
  provinceShort: string
  /** One-character province abbreviation, e.g. 粤: as in （粤）人服证字. */
  provinceAbbr: string
  /** Short city name used in decision numbers, e.g. 穗 in 穗人社监罚〔2025〕23号. */
  documentAbbr: string
  /** Short pinyin code used in demo officer ids, e.g. gz in demo-gz-01. */
  officerCode: string
  /** Digits 3–4 of the code, e.g. 01: a city's place in its province's numbering. */
  sequence: string
  /** True for the districts of 北京, 天津, 上海 and 重庆. */
  municipal: boolean
}

// biome-ignore format: a table
const PROVINCE_ABBRS: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑',
  '31': '沪', '32': '苏', '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫',
  '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝', '51': '川', '52': '贵',
  '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
}

const MUNICIPALITY_PREFIXES = new Set(['11', '12', '31', '50'])

/** Short city names used in decision numbers where a well-known one exists; others use the name. */
// biome-ignore format: a table
const DOCUMENT_ABBRS: Record<string, string> = {
  '1101': '京', '1201': '津', '3101': '沪', '5001': '渝', '4401': '穗', '4403': '深', '3301': '杭',
  '5101': '蓉', '3201': '宁', '4201': '汉', '3205': '苏', '3502': '厦', '3302': '甬', '3202': '锡',
  '3501': '榕', '3702': '青', '3701': '济', '4101': '郑', '4419': '莞', '4406': '佛', '4404': '珠',
}

/** Relative weights of registration areas: big labour markets register many more agencies. */
// biome-ignore format: a table
const AREA_WEIGHTS: Record<string, number> = {
  '110101': 2, '110105': 4, '110108': 4, '120101': 1.5, '120116': 2, '310104': 3, '310115': 6,
  '500103': 1.5, '500112': 2, '440100': 9, '440300': 9, '330100': 6, '510100': 6, '320100': 4,
  '320500': 4, '420100': 4, '610100': 3, '410100': 3, '430100': 3, '441900': 3, '440600': 3,
  '330200': 3, '370200': 3, '370100': 2.5, '340100': 2.5, '350200': 2.5, '350100': 2, '320200': 2,
  '210100': 2, '210200': 2, '530100': 2, '450100': 2, '130100': 2, '630100': 0.5, '640100': 0.5,
}
const DEFAULT_AREA_WEIGHT = 1.5

/** Pinyin codes for demo officer ids, by region code. */
// biome-ignore format: a table
const OFFICER_CODES: Record<string, string> = {
  '130100': 'sjz', '140100': 'ty', '150100': 'hhht', '210100': 'sy', '210200': 'dl', '220100': 'cc',
  '230100': 'hrb', '320100': 'nj', '320200': 'wx', '320500': 'suz', '330100': 'hz', '330200': 'nb',
  '340100': 'hf', '350100': 'fz', '350200': 'xm', '360100': 'nc', '370100': 'jn', '370200': 'qd',
  '410100': 'zz', '420100': 'wh', '430100': 'cs', '440100': 'gz', '440300': 'sz', '440400': 'zh',
  '440600': 'fs', '441900': 'dg', '442000': 'zs', '450100': 'nn', '460100': 'hk', '510100': 'cd',
  '520100': 'gy', '530100': 'km', '610100': 'xa', '620100': 'lz', '630100': 'xn', '640100': 'yc',
  '650100': 'wlmq', '110101': 'bj-dc', '110105': 'bj-cy', '110108': 'bj-hd', '120101': 'tj-hp',
  '120116': 'tj-bh', '310104': 'sh-xh', '310115': 'sh-pd', '500103': 'cq-yz', '500112': 'cq-yb',
}

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/

function toPlace(code: string, name: string): Place {
  const prefix = code.slice(0, 2)
  const province = PROVINCES[`${prefix}0000`] ?? name
  const municipal = MUNICIPALITY_PREFIXES.has(prefix)
  const city = (municipal ? province : name).replace(/市$/, '')
  return {
    code,
    name,
    city,
    province,
    provinceShort: province.replace(PROVINCE_SUFFIX, ''),
    provinceAbbr: PROVINCE_ABBRS[prefix] ?? province.charAt(0),
    documentAbbr: DOCUMENT_ABBRS[code.slice(0, 4)] ?? city,
    officerCode: OFFICER_CODES[code] ?? code,
    sequence: code.slice(2, 4),
    municipal,
  }
}

/** Every registration area in CITIES, in code order. */
export const PLACES: readonly Place[] = Object.entries(CITIES).map(([code, name]) => toPlace(code, name))

/** PLACES with their registration weights, for `Random.weighted`. */
export const WEIGHTED_PLACES: readonly Weighted<Place>[] = PLACES.map((place) => [
  place,
  AREA_WEIGHTS[place.code] ?? DEFAULT_AREA_WEIGHT,
])

/** The local human resources and social security bureau, e.g. 广州市人力资源和社会保障局. */
export function hrBureau(place: Place): string {
  return `${place.name}人力资源和社会保障局`
}

/** The local market regulation bureau, e.g. 广州市市场监督管理局. */
export function marketBureau(place: Place): string {
  return `${place.name}市场监督管理局`
}

/** The provincial HRSS department (a bureau in the municipalities), e.g. 广东省人力资源和社会保障厅. */
export function provincialHrDepartment(place: Place): string {
  return `${place.province}人力资源和社会保障${place.municipal ? '局' : '厅'}`
}

/** The local labour dispute arbitration committee, e.g. 广州市劳动人事争议仲裁委员会. */
export function arbitrationCommittee(place: Place): string {
  return `${place.name}劳动人事争议仲裁委员会`
}

/** The court trying a criminal case: the district court in a municipality, else the intermediate court. */
export function criminalCourt(place: Place): { name: string; code: string } {
  return place.municipal
    ? { name: `${place.name}人民法院`, code: `${place.provinceAbbr}${place.code.slice(2, 6)}` }
    : { name: `${place.province}${place.name}中级人民法院`, code: `${place.provinceAbbr}${place.sequence}` }
}

/** The provincial 信用中国 site, e.g. 信用中国（广东）. */
export function creditChina(place: Place): string {
  return `信用中国（${place.provinceShort}）`
}
