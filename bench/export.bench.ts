/**
 * The open-data export at scale: N agencies (default 100,000; BENCH_AGENCIES to change) → every
 * file, deltas included (first publication: every row is new), against a baseline in the same run
 * that writes as many fixed rows (1,000 real rows' bytes, cycled: one row repeated compresses far
 * faster than real data) to the same gzip and file streams. Each runs in its own process, so peak
 * RSS is its own. Goal: ≤ 2× the baseline's time, peak RSS ≤ 300 MB.
 */
import { execFileSync } from 'node:child_process'
import type { MacroBench } from './harness.js'

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 100_000)

type Run = { mode: string; rows: number; seconds: number; peakRssMB: number }
const run = (mode: string): Run =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/export-run.ts', mode, String(AGENCIES)], {
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    })
      .trim()
      .split('\n')
      .at(-1) as string,
  ) as Run

const bench: MacroBench = {
  kind: 'macro',
  name: 'export',
  description: `open-data export of ${AGENCIES.toLocaleString('en')} agencies (~10 records each) to every file; baseline = as many fixed rows (1,000 real rows cycled) through the same streams; each in its own process`,
  async run() {
    const baseline = run('baseline')
    const exported = run('export')
    return {
      agencies: AGENCIES,
      baseline,
      export: exported,
      ratios: {
        timeToBaseline: Number((exported.seconds / baseline.seconds).toFixed(2)),
        goal: 'time ≤ 2× baseline, peak RSS ≤ 300 MB',
      },
    }
  },
}

export default bench
