/** Fills a store with generated demo agencies and records, with a progress bar. */
import { generateDemoData } from '../../shared/demo/generate.js'
import type { Store } from '../../shared/store/store.js'
import { progressBar } from './progress.js'

export type SeedOptions = { agencies: number; seed: number; asOf: string }

/** Generates and imports demo data; returns how many agencies and records were written. */
export async function seedDemo(
  store: Store,
  options: SeedOptions,
  stream: NodeJS.WriteStream = process.stdout,
) {
  const data = generateDemoData(options)
  const total = data.agencies.length + data.records.length
  const bar = progressBar('Seeding demo data 写入演示数据', total, stream)
  await store.importAgencies(data, (done) => bar.update(done))
  bar.finish()
  return { agencies: data.agencies.length, records: data.records.length }
}
