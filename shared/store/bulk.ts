/**
 * Bulk writes for imports (demo seed, register import), in transactions of up to 100 items.
 *
 * Why transactions rather than BatchWriteItem: a transaction lands whole or not at all, so an
 * agency and its records are never half-written; and DynamoDB Local commits a transaction with one
 * disk sync instead of one per item (measured here: ~900 items/s against ~66 items/s persisted).
 * Puts are unconditional, so re-running an import is harmless.
 */

import type { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'

/** DynamoDB's limit on actions in one TransactWriteItems call. */
export const TRANSACTION_LIMIT = 100
const PARALLEL_TRANSACTIONS = 2

// biome-ignore lint/suspicious/noExplicitAny: any entity's put
type Put = PutTransaction<any>

/**
 * Writes groups of puts, keeping each group in one transaction where it fits (an agency with its
 * records); reports how many puts are done.
 */
export async function writeGroups(groups: Put[][], onProgress?: (done: number) => void): Promise<void> {
  const chunks = pack(groups)
  let done = 0
  let next = 0
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++] ?? []
      await execute(...chunk)
      done += chunk.length
      onProgress?.(done)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_TRANSACTIONS, chunks.length) }, worker))
}

/** Packs groups into chunks of at most TRANSACTION_LIMIT puts, splitting only groups that are larger. */
export function pack<T>(groups: T[][]): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  for (const group of groups) {
    for (let i = 0; i < group.length; i += TRANSACTION_LIMIT) {
      const part = group.slice(i, i + TRANSACTION_LIMIT)
      if (current.length + part.length > TRANSACTION_LIMIT) {
        chunks.push(current)
        current = []
      }
      current.push(...part)
    }
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}
