/**
 * What the badge of a grade says: words in zh or en, the grade's colour, the "as of" date in its
 * accessible name, and a grey "stale" state when the rating is past its validUntil. Also the
 * shields.io endpoint JSON for people who prefer shields' own styles.
 */
import { GRADE_LABELS, type Grade } from '../agency/vocabulary.js'
import type { BadgeInput, BadgeStyle } from './render.js'

export type Lang = 'zh' | 'en'
export type Theme = 'light' | 'dark'

/** Message colours by grade (shields.io's named colours). */
export const GRADE_COLORS: Record<Grade, string> = {
  'A+': '#44cc11',
  A: '#97ca00',
  B: '#dfb317',
  C: '#fe7d37',
  D: '#e05d44',
  NR: '#9f9f9f',
}
const STALE_COLOR = '#9f9f9f'
const LABEL_COLORS: Record<Theme, string> = { light: '#555555', dark: '#333333' }

const WORDS = {
  label: { zh: '诚信评级', en: 'Integrity' },
  stale: { zh: '已过期', en: 'stale' },
  notFound: { zh: '未找到', en: 'not found' },
}

export type GradeBadge = {
  grade: Grade
  name: string
  /** CST date the rating was computed. */
  asOf: string
  stale: boolean
  lang: Lang
  theme?: Theme
  style?: BadgeStyle
}

/** The message text: grade and its word, e.g. "A+ 优秀" or "B Adequate". */
export function gradeMessage(grade: Grade, lang: Lang, stale: boolean): string {
  const word = GRADE_LABELS[grade][lang]
  const main = grade === 'NR' ? word : `${grade} ${word}`
  return stale ? `${main} (${WORDS.stale[lang]})` : main
}

/** The badge of a rating. */
export function gradeBadge(b: GradeBadge): BadgeInput {
  const title =
    b.lang === 'zh'
      ? `${b.name}：人力资源服务机构信用等级 ${b.grade}（截至 ${b.asOf}）${b.stale ? '，评级已过期，请以官网为准' : ''}`
      : `${b.name}: HR service agency integrity grade ${b.grade} (as of ${b.asOf})${b.stale ? '; stale, check the official page' : ''}`
  return {
    label: WORDS.label[b.lang],
    message: gradeMessage(b.grade, b.lang, b.stale),
    color: b.stale ? STALE_COLOR : GRADE_COLORS[b.grade],
    labelColor: LABEL_COLORS[b.theme ?? 'light'],
    style: b.style ?? 'flat',
    title,
  }
}

/** The grey badge for an unknown agency (only when asked for with ?fallback=1). */
export function notFoundBadge(lang: Lang, style: BadgeStyle = 'flat', theme: Theme = 'light'): BadgeInput {
  return {
    label: WORDS.label[lang],
    message: WORDS.notFound[lang],
    color: STALE_COLOR,
    labelColor: LABEL_COLORS[theme],
    style,
    title: lang === 'zh' ? '未找到该机构' : 'Agency not found',
  }
}

/** Seconds shields.io may cache an endpoint badge; it refuses less than 300. */
export const SHIELDS_CACHE_SECONDS = 300

/** The shields.io endpoint schema: exactly these fields. */
export function shieldsEndpoint(badge: BadgeInput): {
  schemaVersion: 1
  label: string
  message: string
  color: string
  isError: boolean
  cacheSeconds: number
} {
  return {
    schemaVersion: 1,
    label: badge.label,
    message: badge.message,
    color: badge.color.replace('#', ''),
    isError: false,
    cacheSeconds: SHIELDS_CACHE_SECONDS,
  }
}
