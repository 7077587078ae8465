/**
 * Search over 20,000 demo agencies' entries (what the API holds in memory), by the kinds of query
 * people type. Baseline in the same run: the simplest search there is, `includes` over every
 * agency's name, collecting the matches.
 */
import { generateDemoData } from '../shared/demo/generate.js'
import { toSearchEntry } from '../shared/search/entry.js'
import { pinyinOf } from '../shared/search/pinyin.js'
import { search } from '../shared/search/search.js'
import type { BenchSuite } from './harness.js'

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 20_000)
const data = generateDemoData({ agencies: AGENCIES, seed: 1, asOf: '2026-12-05' })
const rating = { grade: 'B' as const, score: 800, computedAt: '2026-12-05T00:00:00.000Z' }
const entries = data.agencies
  .map((a) => toSearchEntry(a, rating, pinyinOf, (instant) => instant.slice(0, 10)))
  .sort((a, b) => (a.uscc < b.uscc ? -1 : 1))
const names = entries.map((e) => e.name)

const CHINESE = ['广州', '人力', '深圳', '劳务', '上海', '服务']
const PINYIN = ['gz', 'sz', 'guangzhou', 'renli', 'shanghai', 'rlzy']
let i = 0
const next = (words: string[]) => words[i++ % words.length] as string
let sink = 0

const suite: BenchSuite = {
  name: 'search',
  description: `searches per second over ${AGENCIES.toLocaleString('en')} agencies' entries; baseline = String.includes over every name, collecting the matches`,
  baseline: {
    name: 'includes over names (Chinese words)',
    fn: () => {
      const q = next(CHINESE)
      const hits: string[] = []
      for (const name of names) if (name.includes(q)) hits.push(name)
      sink += hits.length
    },
  },
  cases: [
    { name: 'Chinese word (name substring), ranked', fn: () => search(entries, { q: next(CHINESE) }) },
    { name: 'pinyin or initials, ranked', fn: () => search(entries, { q: next(PINYIN) }) },
    { name: 'USCC prefix', fn: () => search(entries, { q: '91440' }) },
    {
      name: 'everything in a city (empty query, region filter)',
      fn: () => search(entries, { region: '440100' }),
    },
  ],
}

export default suite
export { sink }
