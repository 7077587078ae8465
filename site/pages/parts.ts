/** Small pieces several pages share: grade chips, labels, dates. */
import { GRADE_LABELS, type Grade, type Label } from '../../shared/agency/vocabulary.js'
import type { Lang } from '../i18n.js'
import { type Html, html } from './html.js'

/** A grade as a coloured chip with its word; the colour is never the only signal. */
export function gradeChip(grade: Grade, lang: Lang, stale = false): Html {
  const cls = stale ? 'stale' : grade === 'A+' ? 'ap' : grade.toLowerCase()
  return html`<span class="grade grade-${cls}"><b>${grade === 'NR' ? '—' : grade}</b> ${GRADE_LABELS[grade][lang]}</span>`
}

/** One side of a label, marked with its language when it is not the page's. */
export const say = (label: Label, lang: Lang): string => label[lang]

/** Points in tenths as text: 965 → "96.5". */
export const points = (tenths: number): string => (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1)

/** An instant as its CST calendar date. */
export function cstDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10)
}
