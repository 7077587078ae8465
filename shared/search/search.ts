/**
 * Search over the in-memory index: by USCC, licence number, Chinese name (substring), pinyin or
 * pinyin initials, with filters by region (a GB/T 2260 prefix), grade and service type. Results in
 * a stable order: best match first, then by USCC. Pure.
 */
import type { Grade, ServiceType } from '../agency/vocabulary.js'
import { parseUscc } from '../identity/uscc.js'
import type { SearchEntry } from './entry.js'

export type SearchQuery = { q?: string; region?: string; grade?: Grade; serviceType?: ServiceType }
export type SearchHit = {
  entry: SearchEntry
  score: number
  matched: 'uscc' | 'licence' | 'name' | 'alias' | 'pinyin' | 'initials' | 'all'
}

const HAN = /\p{Script=Han}/u
const LATIN = /^[a-z0-9]+$/

/** Lower case, full-width folded, spaces and most punctuation removed. */
export function normaliseQuery(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・.,，。'"“”‘’()（）\-_/]+/g, '')
}

/**
 * What a query is compared with, worked out once per entry (normalised names, pinyin readings split
 * into syllables) and kept while the entry lives: a search over 20,000 entries then does string
 * comparisons only, instead of normalising and splitting every name again for every query.
 */
type Prepared = {
  name: string
  aliases: string[]
  licences: string[]
  pinyin: { joined: string; starts: number[] }[]
  initials: string[]
}
const preparedOf = new WeakMap<SearchEntry, Prepared>()

function prepare(entry: SearchEntry): Prepared {
  let p = preparedOf.get(entry)
  if (p) return p
  const fold = (s: string) => s.normalize('NFKC').toLowerCase()
  p = {
    name: fold(entry.name),
    aliases: entry.aliases.map(fold),
    licences: entry.licenceNumbers.map(normaliseQuery),
    pinyin: entry.pinyin
      .split('|')
      .map((reading) => {
        const syllables = reading.split(' ')
        const starts: number[] = []
        let at = 0
        for (const syllable of syllables) {
          starts.push(at)
          at += syllable.length
        }
        return { joined: syllables.join(''), starts }
      })
      .filter((r) => r.joined !== ''),
    initials: entry.initials.split('|').filter((r) => r !== ''),
  }
  preparedOf.set(entry, p)
  return p
}

function nameScore(n: string, q: string): number {
  if (n === q) return 100
  if (n.startsWith(q)) return 80
  return n.includes(q) ? 60 : 0
}

/** Pinyin matches from the first syllable (prefix) or from any later one; never from inside a syllable. */
function pinyinScore(readings: Prepared['pinyin'], q: string): number {
  let best = 0
  for (const { joined, starts } of readings) {
    if (joined.startsWith(q)) return 40
    for (let i = 1; i < starts.length && !best; i++) if (joined.startsWith(q, starts[i])) best = 30
  }
  return best
}

/** Initials match as a prefix or anywhere (each letter is a syllable). */
function initialsScore(readings: readonly string[], q: string): number {
  let best = 0
  for (const reading of readings) {
    if (reading.startsWith(q)) return 35
    if (reading.includes(q)) best = 25
  }
  return best
}

/** A normalised query with what every comparison needs worked out once. */
type Needle = { q: string; code: string; latin: boolean }
const needle = (q: string): Needle => ({ q, code: q.toUpperCase(), latin: !HAN.test(q) && LATIN.test(q) })

/** How well an entry matches a normalised query (0: not at all). */
export function match(entry: SearchEntry, query: string | Needle): Omit<SearchHit, 'entry'> | undefined {
  const { q, code, latin } = typeof query === 'string' ? needle(query) : query
  if (q === '') return { score: 0, matched: 'all' }
  if (code.length === 18 && entry.uscc === code) return { score: 200, matched: 'uscc' }
  if (code.length >= 6 && entry.uscc.startsWith(code)) return { score: 150, matched: 'uscc' }
  const p = prepare(entry)
  if (q.length >= 4 && p.licences.some((n) => n.includes(q))) return { score: 90, matched: 'licence' }
  const byName = nameScore(p.name, q)
  if (byName) return { score: byName, matched: 'name' }
  if (p.aliases.some((a) => nameScore(a, q) > 0)) return { score: 50, matched: 'alias' }
  if (latin) {
    const byPinyin = pinyinScore(p.pinyin, q)
    if (byPinyin) return { score: byPinyin, matched: 'pinyin' }
    const byInitials = q.length >= 2 ? initialsScore(p.initials, q) : 0
    if (byInitials) return { score: byInitials, matched: 'initials' }
  }
  return undefined
}

/** A GB/T 2260 code as the prefix it stands for: 440000 → 44 (Guangdong), 440100 → 4401 (Guangzhou). */
export function regionPrefix(region: string): string {
  let prefix = region
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2)
  return prefix
}

/** Whether an entry passes the filters. */
function passes(entry: SearchEntry, query: SearchQuery): boolean {
  if (query.region && !entry.region.startsWith(regionPrefix(query.region))) return false
  if (query.grade && entry.grade !== query.grade) return false
  if (query.serviceType && !entry.serviceTypes.includes(query.serviceType)) return false
  return true
}

const byUscc = (a: SearchHit, b: SearchHit) => (a.entry.uscc < b.entry.uscc ? -1 : 1)

/**
 * Every matching entry, best first, ties by USCC. Scores take a dozen values, so hits are collected
 * per score and the groups joined best first: with entries in USCC order (as the index keeps them)
 * no comparison sort is needed, which matters when a common word matches most of the register.
 */
export function search(entries: readonly SearchEntry[], query: SearchQuery): SearchHit[] {
  const raw = query.q ?? ''
  const parsed = parseUscc(raw)
  const q = needle(parsed.ok ? parsed.value.toLowerCase() : normaliseQuery(raw))
  const groups = new Map<number, SearchHit[]>()
  let ordered = true
  let previous = ''
  for (const entry of entries) {
    if (entry.uscc < previous) ordered = false
    previous = entry.uscc
    if (!passes(entry, query)) continue
    const m = match(entry, q)
    if (!m) continue
    const group = groups.get(m.score)
    const hit = { entry, ...m }
    if (group) group.push(hit)
    else groups.set(m.score, [hit])
  }
  const scores = [...groups.keys()].sort((a, b) => b - a)
  return scores.flatMap((score) => {
    const group = groups.get(score) as SearchHit[]
    return ordered ? group : group.sort(byUscc)
  })
}
