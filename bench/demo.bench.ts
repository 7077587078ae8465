/** Demo data generation speed: 2,000 agencies (what `npm start` seeds) against generating 20. */
import { generateDemoData } from '../shared/demo/generate.js'
import type { BenchSuite } from './harness.js'

let seed = 0
const suite: BenchSuite = {
  name: 'demo',
  description:
    'demo data sets generated per second; baseline = 20 agencies, so the ratio shows how size scales',
  baseline: {
    name: '20 agencies',
    fn: () => generateDemoData({ agencies: 20, seed: seed++, asOf: '2026-12-04' }),
  },
  cases: [
    {
      name: '2,000 agencies',
      fn: () => generateDemoData({ agencies: 2000, seed: seed++, asOf: '2026-12-04' }),
    },
  ],
  sampleMs: 1000,
  samples: 5,
}

export default suite
