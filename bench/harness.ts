/**
 * A small benchmark harness. A suite names a baseline measured in the same run; results are read
 * as ratios to it, which hold on noisy machines where absolute times do not.
 */
import { execFileSync } from 'node:child_process'
import { cpus, totalmem, type } from 'node:os'

export type BenchCase = { name: string; fn: () => unknown }
export type BenchSuite = {
  /** File name under bench/results/. */
  name: string
  description: string
  baseline: BenchCase
  cases: BenchCase[]
  /** Per-sample duration; more samples and longer ones steady the figures. */
  sampleMs?: number
  samples?: number
}

/**
 * A workload measured once as a whole (against a database, say) rather than as calls per second.
 * `run` returns its own figures, including the baseline it measured in the same run.
 */
export type MacroBench = {
  kind: 'macro'
  name: string
  description: string
  run: () => Promise<Record<string, unknown>>
}

/** Figures of a macro bench with where and when they were measured. */
export function describeRun(bench: MacroBench, figures: Record<string, unknown>) {
  return {
    suite: bench.name,
    description: bench.description,
    measuredAt: new Date().toISOString(),
    gitSha: gitSha(),
    machine: machine(),
    figures,
  }
}

export type CaseResult = {
  name: string
  opsPerSec: number
  rmePercent: number
  samples: number
  ratioToBaseline: number
}

export type SuiteResult = {
  suite: string
  description: string
  measuredAt: string
  gitSha: string
  machine: { node: string; os: string; cpu: string; cores: number; memoryGiB: number }
  baseline: CaseResult
  cases: CaseResult[]
}

/** Runs one case: warm up, then time samples of many calls each; returns ops/s of each sample. */
function measure(fn: () => unknown, sampleMs: number, samples: number): number[] {
  let batch = 1
  const warmUntil = performance.now() + sampleMs
  while (performance.now() < warmUntil) {
    const t0 = performance.now()
    for (let i = 0; i < batch; i++) fn()
    if (performance.now() - t0 < sampleMs / 10) batch *= 2
  }
  const rates: number[] = []
  for (let s = 0; s < samples; s++) {
    let calls = 0
    const t0 = performance.now()
    let elapsed = 0
    while (elapsed < sampleMs) {
      for (let i = 0; i < batch; i++) fn()
      calls += batch
      elapsed = performance.now() - t0
    }
    rates.push((calls / elapsed) * 1000)
  }
  return rates
}

function summarise(name: string, rates: number[], baselineOps: number | undefined): CaseResult {
  const sorted = [...rates].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length
  const sd = Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / Math.max(1, rates.length - 1))
  const rme = rates.length > 1 ? ((1.96 * sd) / Math.sqrt(rates.length) / mean) * 100 : 0
  return {
    name,
    opsPerSec: Math.round(median),
    rmePercent: Number(rme.toFixed(2)),
    samples: rates.length,
    ratioToBaseline: Number((median / (baselineOps ?? median)).toFixed(4)),
  }
}

/** Runs a suite. Baseline and cases alternate so drift in machine speed hits them alike. */
export function runSuite(suite: BenchSuite): SuiteResult {
  const sampleMs = suite.sampleMs ?? 200
  const rounds = suite.samples ?? 10
  const all = [suite.baseline, ...suite.cases]
  const rates = new Map<string, number[]>(all.map((c) => [c.name, []]))
  for (let round = 0; round < rounds; round++) {
    for (const c of all) rates.get(c.name)?.push(...measure(c.fn, sampleMs, 1))
  }
  const baseline = summarise(suite.baseline.name, rates.get(suite.baseline.name) ?? [], undefined)
  return {
    suite: suite.name,
    description: suite.description,
    measuredAt: new Date().toISOString(),
    gitSha: gitSha(),
    machine: machine(),
    baseline,
    cases: suite.cases.map((c) => summarise(c.name, rates.get(c.name) ?? [], baseline.opsPerSec)),
  }
}

function gitSha(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return 'unknown'
  }
}

function machine() {
  const cpu = cpus()
  return {
    node: process.version,
    os: `${type()} ${process.arch}`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  }
}
