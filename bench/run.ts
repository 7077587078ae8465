/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones), writes
 * bench/results/<suite>.json and prints a table of figures and ratios to each suite's baseline.
 */
import { readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type BenchSuite, describeRun, type MacroBench, runSuite, type SuiteResult } from './harness.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
const here = dirname(fileURLToPath(import.meta.url))
const wanted = process.argv.slice(2).filter((a) => a !== '--')

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort()
if (files.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(', ')}; available: ${readdirSync(here)
      .filter((f) => f.endsWith('.bench.ts'))
      .join(', ')}`,
  )
  process.exit(1)
}

for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as BenchSuite | MacroBench
  console.log(`\n${bench.name}: ${bench.description}`)
  if ('kind' in bench) {
    const result = describeRun(bench, await bench.run())
    writeFileSync(join(here, 'results', `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`)
    console.log(JSON.stringify(result.figures, null, 2))
    continue
  }
  const result = runSuite(bench)
  writeFileSync(join(here, 'results', `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`)
  printTable(result)
}

function printTable(result: SuiteResult): void {
  const rows = [
    {
      case: `${result.baseline.name} (baseline)`,
      'ops/s': result.baseline.opsPerSec,
      '±%': result.baseline.rmePercent,
      ratio: 1,
    },
    ...result.cases.map((c) => ({
      case: c.name,
      'ops/s': c.opsPerSec,
      '±%': c.rmePercent,
      ratio: c.ratioToBaseline,
    })),
  ]
  console.table(rows)
  console.log(`written to bench/results/${result.suite}.json (${result.machine.cpu}, ${result.machine.node})`)
}
