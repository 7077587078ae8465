/**
 * Locally, DynamoDB Local's stream (the DynamoDB Streams API) stands in for the Lambda event source
 * mapping: new records are read from every open shard and handed to the same stream handler, in
 * Lambda's event shape. A reported failure is read again from its sequence number after a pause.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'

export type StreamPoller = { stop(): Promise<void> }

export type PollOptions = {
  client: DynamoDBClient
  endpoint: string
  tableName: string
  handle: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>
  intervalMs?: number
  onError?: (error: unknown) => void
}

const SHARD_REFRESH_MS = 10_000
const RETRY_PAUSE_MS = 1_000

/** Starts polling from the stream's current end (LATEST); new shards are read from their start. */
export async function startStreamPoller(options: PollOptions): Promise<StreamPoller> {
  const { Table } = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }))
  const streamArn = Table?.LatestStreamArn
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`)
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  const iterators = new Map<string, string | undefined>()
  const known = new Set<string>()
  let stopped = false
  let lastRefresh = 0

  const refreshShards = async (first: boolean) => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId
      if (!id || known.has(id)) continue
      known.add(id)
      if (first && shard.SequenceNumberRange?.EndingSequenceNumber) continue
      const type = first ? 'LATEST' : 'TRIM_HORIZON'
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: type }),
      )
      iterators.set(id, ShardIterator)
    }
    lastRefresh = Date.now()
  }

  const pollShard = async (shardId: string, iterator: string) => {
    const { Records = [], NextShardIterator } = await streams.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
    )
    if (Records.length === 0) {
      iterators.set(shardId, NextShardIterator)
      return
    }
    const event = {
      Records: Records.map((r: _Record) => ({ ...r, eventSourceARN: streamArn })),
    } as DynamoDBStreamEvent
    const { batchItemFailures = [] } = await options.handle(event)
    const failed = batchItemFailures.map((f) => f.itemIdentifier).sort(compareSequence)[0]
    if (failed === undefined) {
      iterators.set(shardId, NextShardIterator)
      return
    }
    await pause(RETRY_PAUSE_MS)
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: failed,
      }),
    )
    iterators.set(shardId, ShardIterator)
  }

  await refreshShards(true)
  const loop = (async () => {
    while (!stopped) {
      try {
        if (Date.now() - lastRefresh > SHARD_REFRESH_MS) await refreshShards(false)
        for (const [shardId, iterator] of iterators) {
          if (stopped) break
          if (iterator !== undefined) await pollShard(shardId, iterator)
          // A shard that closed has a successor: look for it now rather than at the next refresh.
          if (iterators.get(shardId) === undefined) {
            iterators.delete(shardId)
            await refreshShards(false)
          }
        }
      } catch (error) {
        options.onError?.(error)
      }
      await pause(options.intervalMs ?? 250)
    }
  })()

  return {
    async stop() {
      stopped = true
      await loop
      streams.destroy()
    },
  }
}

/** Sequence numbers are decimal strings of varying length. */
function compareSequence(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
