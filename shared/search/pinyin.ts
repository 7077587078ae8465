/** Pinyin of Chinese text with pinyin-pro: for building search indexes (too large for the API bundle). */
import { pinyin } from 'pinyin-pro'
import type { PinyinOf } from './entry.js'

/** Full pinyin (syllables space-separated) and initials, lower case, no tones; other text kept as it is. */
export const pinyinOf: PinyinOf = (text) => {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
  const words = clean.filter((s) => s !== '')
  return [words.join(' '), words.map((s) => s.charAt(0)).join('')]
}
