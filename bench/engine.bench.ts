/**
 * Rating engine throughput: evaluate() over 100,000 generated agencies with about ten records each
 * (the demo generator's mix, topped up with copies of other agencies' records), one core.
 * Baseline in the same run: a loop that only sums each agency's records' points.
 */
import type { Severity } from '../shared/agency/vocabulary.js'
import { assess } from '../shared/rating/assess.js'
import { compile } from '../shared/rating/compile.js'
import { evaluate } from '../shared/rating/evaluate.js'
import type { RatingInput } from '../shared/rating/input.js'
import { DEFAULT_METHODOLOGY } from '../shared/rating/methodologies/index.js'
import { benchData } from './fixtures.js'
import type { BenchSuite } from './harness.js'

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 100_000)
const RECORDS_PER_AGENCY = 10
const AS_OF = new Date('2026-12-04T02:00:00.000Z')

const all: RatingInput[] = benchData(AGENCIES, RECORDS_PER_AGENCY)

/** Records per agency actually reached (reported with the figures). */
export const meanRecords = all.reduce((n, a) => n + a.records.length, 0) / all.length
let i = 0
const next = () => all[i++ % all.length] as RatingInput
const COMPILED = compile(DEFAULT_METHODOLOGY)
const POINTS: Record<Severity, number> = { minor: 20, general: 50, serious: 100 }
let sink = 0

const suite: BenchSuite = {
  name: 'engine',
  description: `agencies rated per second (${AGENCIES.toLocaleString('en')} agencies, ~${RECORDS_PER_AGENCY} records each, one core); baseline = summing each agency's records' points`,
  baseline: {
    name: 'sum record points',
    fn: () => {
      let total = 0
      for (const r of next().records) total += r.severity ? POINTS[r.severity] : 0
      sink += total
    },
  },
  cases: [
    {
      name: 'scoring core only (grade and basis at one instant; no checks, hashes or calendar)',
      fn: () => assess(next(), COMPILED, AS_OF.getTime()),
    },
    {
      name: 'evaluate (full rating, hashes, recovery calendar)',
      fn: () => evaluate(next(), DEFAULT_METHODOLOGY, AS_OF),
    },
  ],
  sampleMs: 500,
  samples: 6,
}

export default suite
export { sink }
