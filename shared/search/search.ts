/**
 * Search over the in-memory index: by USCC, licence number, Chinese name (substring), pinyin or
 * pinyin initials, with filters by region (a GB/T 2260 prefix), grade and service type. Results in
 * a stable order: best match first, then by USCC. Pure.
 */
import type { Grade, ServiceType } from '../agency/vocabulary.js'
import { parseUscc } from '../identity/uscc.js'
import type { SearchEntry } from './entry.js'
import { derivationOf, inUsccOrder, normaliseQuery, RULES, score } from './scoring.js'

export { derive, normaliseQuery } from './scoring.js'

export type SearchQuery = { q?: string; region?: string; grade?: Grade; serviceType?: ServiceType }
export type SearchHit = {
  entry: SearchEntry
  score: number
  matched: 'uscc' | 'licence' | 'name' | 'alias' | 'pinyin' | 'initials' | 'all'
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
 * A list derived from another (see `derive`) is searched as that list minus the changed agencies,
 * plus their new entries, and the two runs of each group merged.
 */
export function search(entries: readonly SearchEntry[], query: SearchQuery): SearchHit[] {
  const raw = query.q ?? ''
  const parsed = parseUscc(raw)
  const q = parsed.ok ? parsed.value.toLowerCase() : normaliseQuery(raw)
  const d = derivationOf(entries)
  const parts = d ? [{ list: d.base, skip: d.changed }, { list: d.overlay }] : [{ list: entries }]
  const groups = new Map<number, SearchHit[][]>()
  parts.forEach((part, k) => {
    const runs = collect(part.list, q, query, 'skip' in part ? part.skip : undefined)
    for (const [s, run] of runs) {
      const group = groups.get(s) ?? []
      group[k] = run
      groups.set(s, group)
    }
  })
  return [...groups.keys()]
    .sort((a, b) => b - a)
    .flatMap((s) => (groups.get(s) as SearchHit[][]).reduce(mergeByUscc, []))
}

/** One list's hits, by score, each run in USCC order. */
function collect(
  list: readonly SearchEntry[],
  q: string,
  query: SearchQuery,
  skip: ReadonlySet<string> | undefined,
): Map<number, SearchHit[]> {
  const filtered = query.region !== undefined || query.grade !== undefined || query.serviceType !== undefined
  const scored = q === '' ? undefined : score(list, q)
  const runs = new Map<number, SearchHit[]>()
  for (let i = 0; i < list.length; i++) {
    const r = scored ? (scored.rule[i] as number) : 0
    if (scored && r === 0) continue
    const entry = list[i] as SearchEntry
    if (skip?.has(entry.uscc) || (filtered && !passes(entry, query))) continue
    const s = scored ? (scored.score[i] as number) : 0
    const hit: SearchHit = {
      entry,
      score: s,
      matched: scored ? (RULES[r - 1] as SearchHit['matched']) : 'all',
    }
    const run = runs.get(s)
    if (run) run.push(hit)
    else runs.set(s, [hit])
  }
  if (!inUsccOrder(list)) for (const run of runs.values()) run.sort(byUscc)
  return runs
}

/** Two runs in USCC order as one (a hole in the group array is an empty run). */
function mergeByUscc(a: SearchHit[], b: SearchHit[] | undefined): SearchHit[] {
  if (!b || b.length === 0) return a
  if (a.length === 0) return b
  const out: SearchHit[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length)
    out.push(byUscc(a[i] as SearchHit, b[j] as SearchHit) < 0 ? (a[i++] as SearchHit) : (b[j++] as SearchHit))
  while (i < a.length) out.push(a[i++] as SearchHit)
  while (j < b.length) out.push(b[j++] as SearchHit)
  return out
}
