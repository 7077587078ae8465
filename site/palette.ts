/**
 * Grade colours behind white text on the site and in the widget: darker than the badge's shields
 * colours so the text keeps a contrast of at least 4.5:1. site/style.css repeats them as variables.
 */
import type { Grade } from '../shared/agency/vocabulary.js'

export const GRADE_INK: Record<Grade, string> = {
  'A+': '#1a7f37',
  A: '#4d7c0f',
  B: '#9a6700',
  C: '#bc4c00',
  D: '#cf222e',
  NR: '#57606a',
}
export const STALE_INK = '#6e7781'
