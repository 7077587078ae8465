/**
 * Scoring entries against a query through prepared text indexes, and lists derived from others
 * (one agency changed) scored without preparing the whole list again. Pure.
 */
import type { SearchEntry } from './entry.js'
import { eachOccurrence, type TextIndex, type TextIndexBuilder, textIndexBuilder } from './text-index.js'

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
  names: TextIndex
  aliases: TextIndex
  licences: TextIndex
  pinyin: TextIndex
  initials: TextIndex
}
const preparedOf = new WeakMap<readonly SearchEntry[], Prepared>()

const fold = (s: string) => s.normalize('NFKC').toLowerCase()

/**
 * One entry's texts as searches compare them. Kept per entry object: when one agency changes, the
 * index hands out a new list that shares every other entry, and only the joining is done again.
 */
type EntryTexts = {
  name: string
  aliases: string[]
  licences: string[]
  readings: { joined: string; starts: number[] }[]
  initials: string[]
}
const textsOf = new WeakMap<SearchEntry, EntryTexts>()

function texts(e: SearchEntry): EntryTexts {
  let t = textsOf.get(e)
  if (t) return t
  t = {
    name: fold(e.name),
    aliases: e.aliases.map(fold),
    licences: e.licenceNumbers.map(normaliseQuery),
    readings: e.pinyin
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
        return { joined: syllables.join(''), starts }
      }),
    initials: e.initials.split('|').filter((r) => r !== ''),
  }
  textsOf.set(e, t)
  return t
}

export function prepare(entries: readonly SearchEntry[]): Prepared {
  let p = preparedOf.get(entries)
  if (p) return p
  const [names, aliases, licences, pinyin, initials] = Array.from({ length: 5 }, textIndexBuilder)
  for (let i = 0; i < entries.length; i++) {
    const t = texts(entries[i] as SearchEntry)
    names?.add(i, t.name)
    for (const a of t.aliases) aliases?.add(i, a)
    for (const l of t.licences) licences?.add(i, l)
    for (const r of t.readings) pinyin?.add(i, r.joined, r.starts)
    for (const r of t.initials) initials?.add(i, r)
  }
  const built = [names, aliases, licences, pinyin, initials].map((b) => (b as TextIndexBuilder).build())
  p = {
    names: built[0] as TextIndex,
    aliases: built[1] as TextIndex,
    licences: built[2] as TextIndex,
    pinyin: built[3] as TextIndex,
    initials: built[4] as TextIndex,
  }
  preparedOf.set(entries, p)
  return p
}

/** The rules in the order they are tried: an entry is scored by the first that matches it. */
export const RULES = ['uscc', 'licence', 'name', 'alias', 'pinyin', 'initials'] as const

/** Each entry's rule (index in RULES, plus one; 0: no match) and score for a normalised query. */
export function score(entries: readonly SearchEntry[], q: string): { rule: Uint8Array; score: Uint8Array } {
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

/**
 * A list that is another with a few agencies changed: searched as the other (prepared once) minus
 * those agencies, plus their new entries (a small list of their own). Preparing a whole list of
 * 20,000 agencies takes ~30 ms, too long to repeat for every approval.
 */
export type Derivation = {
  base: readonly SearchEntry[]
  /** USCCs whose entries in `base` no longer hold. */
  changed: ReadonlySet<string>
  /** Their current entries, in the derived list's order. */
  overlay: readonly SearchEntry[]
}
const derivations = new WeakMap<readonly SearchEntry[], Derivation>()

/** Past this many changed agencies the derived list is prepared whole on its next search. */
export const OVERLAY_LIMIT = 500

/** Records that `next` is `previous` with the entries of `changed` replaced, added or removed. */
export function derive(
  next: readonly SearchEntry[],
  previous: readonly SearchEntry[],
  changed: readonly string[],
): void {
  const before = derivations.get(previous)
  const all = new Set(before?.changed)
  for (const uscc of changed) all.add(uscc)
  if (all.size > OVERLAY_LIMIT) return
  derivations.set(next, {
    base: before?.base ?? previous,
    changed: all,
    overlay: next.filter((e) => all.has(e.uscc)),
  })
}

export const derivationOf = (entries: readonly SearchEntry[]) => derivations.get(entries)

const orderedLists = new WeakMap<readonly SearchEntry[], boolean>()

/** Whether a list is in strict USCC order (as the index keeps it): its hits then need no sort. */
export function inUsccOrder(entries: readonly SearchEntry[]): boolean {
  let ordered = orderedLists.get(entries)
  if (ordered === undefined) {
    ordered = entries.every((e, i) => i === 0 || (entries[i - 1] as SearchEntry).uscc < e.uscc)
    orderedLists.set(entries, ordered)
  }
  return ordered
}
