/**
 * Search over the in-memory index: by USCC, licence number, Chinese name (substring), pinyin or
 * pinyin initials, with filters by region (a GB/T 2260 prefix), grade and service type. Results in
 * a stable order: best match first, then by USCC. Pure.
 */
import type { Grade, ServiceType } from '../agency/vocabulary.js'
import { parseUscc } from '../identity/uscc.js'
import type { SearchEntry } from './entry.js'
import { eachOccurrence, type TextIndex, textIndex } from './text-index.js'

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
 * What a query is compared with, worked out once per list of entries and kept while the list lives
 * (the index replaces its list whenever an entry changes, and never changes a list it handed out):
 * normalised names, aliases, licence numbers, pinyin readings with their syllable starts, and
 * initials, each kind held as one text index. A search then scans each kind once, natively.
 */
type Prepared = {
  /** The entries are in USCC order (as the index keeps them): hits then need no sort. */
  ordered: boolean
  names: TextIndex
  aliases: TextIndex
  licences: TextIndex
  pinyin: TextIndex
  initials: TextIndex
}
const preparedOf = new WeakMap<readonly SearchEntry[], Prepared>()

const fold = (s: string) => s.normalize('NFKC').toLowerCase()

function prepare(entries: readonly SearchEntry[]): Prepared {
  let p = preparedOf.get(entries)
  if (p) return p
  const pieces = (of: (e: SearchEntry) => readonly string[]) =>
    entries.flatMap((e, i) => of(e).map((text) => [i, text] as const))
  const readings = entries.flatMap((e, i) =>
    e.pinyin
      .split('|')
      .filter((r) => r !== '')
      .map((reading) => {
        const syllables = reading.split(' ')
        const starts: number[] = []
        let at = 0
        for (const syllable of syllables) {
          starts.push(at)
          at += syllable.length
        }
        return { piece: [i, syllables.join('')] as const, starts }
      }),
  )
  p = {
    ordered: entries.every((e, i) => i === 0 || (entries[i - 1] as SearchEntry).uscc < e.uscc),
    names: textIndex(entries.map((e, i) => [i, fold(e.name)] as const)),
    aliases: textIndex(pieces((e) => e.aliases.map(fold))),
    licences: textIndex(pieces((e) => e.licenceNumbers.map(normaliseQuery))),
    pinyin: textIndex(
      readings.map((r) => r.piece),
      (k) => readings[k]?.starts ?? [],
    ),
    initials: textIndex(pieces((e) => e.initials.split('|').filter((r) => r !== ''))),
  }
  preparedOf.set(entries, p)
  return p
}

/** The rules in the order they are tried: an entry is scored by the first that matches it. */
const RULES = ['uscc', 'licence', 'name', 'alias', 'pinyin', 'initials'] as const

/** Each entry's rule (index in RULES, plus one; 0: no match) and score for a normalised query. */
function score(entries: readonly SearchEntry[], q: string): { rule: Uint8Array; score: Uint8Array } {
  const rule = new Uint8Array(entries.length)
  const score = new Uint8Array(entries.length)
  const set = (i: number, r: number, s: number) => {
    if (rule[i] === 0 || (rule[i] === r && s > (score[i] as number))) {
      rule[i] = r
      score[i] = s
    }
  }
  const code = q.toUpperCase()
  if (code.length >= 6)
    entries.forEach((e, i) => {
      if (e.uscc.startsWith(code)) set(i, 1, e.uscc === code && code.length === 18 ? 200 : 150)
    })
  const p = prepare(entries)
  if (q.length >= 4)
    eachOccurrence(p.licences, q, (o) => {
      set(o.owner, 2, 90)
      return false
    })
  eachOccurrence(p.names, q, (o) => {
    set(o.owner, 3, o.offset > 0 ? 60 : o.pieceLength === q.length ? 100 : 80)
    return false
  })
  eachOccurrence(p.aliases, q, (o) => {
    set(o.owner, 4, 50)
    return false
  })
  if (!HAN.test(q) && LATIN.test(q)) {
    eachOccurrence(p.pinyin, q, (o) => {
      if (o.offset === 0) set(o.owner, 5, 40)
      else if (o.marked) set(o.owner, 5, 30)
      return o.offset === 0 ? false : !o.marked
    })
    if (q.length >= 2)
      eachOccurrence(p.initials, q, (o) => {
        set(o.owner, 6, o.offset === 0 ? 35 : 25)
        return false
      })
  }
  return { rule, score }
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
  const q = parsed.ok ? parsed.value.toLowerCase() : normaliseQuery(raw)
  const { ordered } = prepare(entries)
  const filtered = query.region !== undefined || query.grade !== undefined || query.serviceType !== undefined
  if (q === '') {
    const all = filtered ? entries.filter((e) => passes(e, query)) : entries
    const hits = all.map((entry): SearchHit => ({ entry, score: 0, matched: 'all' }))
    return ordered ? hits : hits.sort(byUscc)
  }
  const { rule, score: scores } = score(entries, q)
  const groups = new Map<number, SearchHit[]>()
  for (let i = 0; i < entries.length; i++) {
    const r = rule[i] as number
    if (r === 0) continue
    const entry = entries[i] as SearchEntry
    if (filtered && !passes(entry, query)) continue
    const s = scores[i] as number
    const hit: SearchHit = { entry, score: s, matched: RULES[r - 1] as SearchHit['matched'] }
    const group = groups.get(s)
    if (group) group.push(hit)
    else groups.set(s, [hit])
  }
  return [...groups.keys()]
    .sort((a, b) => b - a)
    .flatMap((s) => {
      const group = groups.get(s) as SearchHit[]
      return ordered ? group : group.sort(byUscc)
    })
}
