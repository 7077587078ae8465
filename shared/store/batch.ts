/** Batched writes: DynamoDB takes 25 requests per BatchWriteItem, and may hand some back unprocessed. */
import { BatchWriteCommand, execute } from 'dynamodb-toolbox/table/actions/batchWrite'
import type { ChengxinTable } from './table.js'

const BATCH_SIZE = 25
const PARALLEL_BATCHES = 4
const MAX_ATTEMPTS = 8

type Request = Parameters<BatchWriteCommand<ChengxinTable>['requests']>[number]

/** Writes all requests, 25 at a time and a few batches at once; reports how many are done. */
export async function writeInBatches(
  table: ChengxinTable,
  requests: Request[],
  onProgress?: (done: number) => void,
): Promise<void> {
  const batches: Request[][] = []
  for (let i = 0; i < requests.length; i += BATCH_SIZE) batches.push(requests.slice(i, i + BATCH_SIZE))
  let done = 0
  let nextBatch = 0
  const worker = async () => {
    while (nextBatch < batches.length) {
      const batch = batches[nextBatch++] ?? []
      const output = await execute(
        { maxAttempts: MAX_ATTEMPTS },
        table.build(BatchWriteCommand).requests(...batch),
      )
      const left = Object.values(output.UnprocessedItems ?? {}).flat().length
      if (left > 0) throw new Error(`${left} writes still unprocessed after ${MAX_ATTEMPTS} attempts`)
      done += batch.length
      onProgress?.(done)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, worker))
}
