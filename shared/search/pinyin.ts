/** Pinyin of Chinese text with pinyin-pro: for building search indexes (too large for the API bundle). */
import { pinyin } from 'pinyin-pro'
import type { PinyinOf } from './entry.js'

/** Full pinyin and initials, lower case, no tones, no spaces; non-Chinese characters kept as they are. */
export const pinyinOf: PinyinOf = (text) => {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
  return [clean.join(''), clean.map((s) => s.charAt(0)).join('')]
}
