/**
 * A whole-table backup that can be trusted, and its restore.
 *
 * Backup: the partitions are listed with a scan of their keys, then each partition is read whole
 * with strongly consistent queries. A query may see part of a transaction that is landing (its
 * isolation is read-committed), so every agency's partition is checked as it is read (its audit
 * chain links, and each record's submission is in it) and read again until it holds together.
 * The result is consistent per partition, which is the unit every transaction here writes to
 * (an agency's records, objections, rating and audit events share its partition).
 *
 * The file is gzip'd JSON lines: a header, every item exactly as DynamoDB holds it, and a trailer
 * with the count and a SHA-256 of the item lines. Restore checks the trailer before it writes a
 * single item, and writes only into an empty table.
 */
import { createHash } from 'node:crypto'
import {
  type AttributeValue,
  BatchWriteItemCommand,
  type DynamoDBClient,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { asChainedEvent, verifyChain } from '../audit/chain.js'
import { unrecordedChanges } from '../audit/cross-check.js'

export const BACKUP_FORMAT = 'chengxin-backup/1'

export type Item = Record<string, AttributeValue>
export type BackupHeader = { format: typeof BACKUP_FORMAT; table: string; takenAt: string }
export type BackupTrailer = { end: true; items: number; partitions: number; sha256: string }

const READS = 5

/** Every partition key in the table (an eventually consistent scan of keys only). */
async function partitionKeys(client: DynamoDBClient, table: string): Promise<string[]> {
  const keys = new Set<string>()
  let start: Item | undefined
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ProjectionExpression: 'pk', ExclusiveStartKey: start }),
    )
    for (const item of page.Items ?? []) if (item.pk?.S) keys.add(item.pk.S)
    start = page.LastEvaluatedKey
  } while (start)
  return [...keys].sort()
}

async function readPartition(client: DynamoDBClient, table: string, pk: string): Promise<Item[]> {
  const items: Item[] = []
  let start: Item | undefined
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: pk } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    )
    items.push(...(page.Items ?? []))
    start = page.LastEvaluatedKey
  } while (start)
  return items
}

/** Why a partition read does not hold together, or undefined when it does. */
export function partitionProblem(items: readonly Item[]): string | undefined {
  const plain = items.map((i) => unmarshall(i) as Record<string, unknown>)
  const of = (prefix: string) => plain.filter((i) => typeof i.sk === 'string' && i.sk.startsWith(prefix))
  const events = of('AUDIT#').map((i) => asChainedEvent(i, String(i.pk).replace(/^AGENCY#/, '')))
  const broken = verifyChain(events)
  if (broken !== undefined) return `audit chain broken at ${broken}`
  const rating = of('RATING')[0] as { grade: string; score?: number } | undefined
  const missing = unrecordedChanges(
    {
      records: of('RECORD#').map((r) => ({
        id: String(r.sk).split('#').at(-1) as string,
        subject: String(r.sk),
        status: String(r.status),
        signed: Boolean((r.submitted as { signature?: string } | undefined)?.signature),
        decided: r.reviewed !== undefined,
      })),
      objections: of('OBJECTION#').map((o) => ({
        id: String(o.sk).slice('OBJECTION#'.length),
        status: String(o.status),
      })),
      rating,
    },
    events,
  )[0]
  return missing && `a change has no audit event yet (${missing})`
}

/** Writes a backup through `write` (one line at a time); returns its trailer. */
export async function backupTable(
  client: DynamoDBClient,
  table: string,
  write: (line: string) => Promise<void>,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupTrailer> {
  const header: BackupHeader = { format: BACKUP_FORMAT, table, takenAt: now.toISOString() }
  await write(JSON.stringify(header))
  const keys = await partitionKeys(client, table)
  const hash = createHash('sha256')
  let count = 0
  for (const [index, pk] of keys.entries()) {
    let items = await readPartition(client, table, pk)
    for (let read = 1; read < READS && partitionProblem(items); read++)
      items = await readPartition(client, table, pk)
    const problem = partitionProblem(items)
    if (problem) throw new Error(`partition ${pk} does not hold together after ${READS} reads: ${problem}`)
    for (const item of items) {
      const line = JSON.stringify(item)
      hash.update(`${line}\n`)
      await write(line)
      count++
    }
    onProgress?.(index + 1, keys.length)
  }
  const trailer: BackupTrailer = {
    end: true,
    items: count,
    partitions: keys.length,
    sha256: hash.digest('hex'),
  }
  await write(JSON.stringify(trailer))
  return trailer
}

/**
 * Checks a backup's lines (header, items, trailer) without writing anything: the count and hash
 * must match. Returns the items, or throws naming what is wrong.
 */
export function readBackup(lines: readonly string[]): { header: BackupHeader; items: Item[] } {
  const [first, ...rest] = lines.filter((l) => l.length > 0)
  const last = rest.pop()
  let header: BackupHeader
  let trailer: BackupTrailer
  try {
    header = JSON.parse(first ?? '') as BackupHeader
    trailer = JSON.parse(last ?? '') as BackupTrailer
  } catch {
    throw new Error('not a Chengxin backup: the first or last line is not JSON')
  }
  if (header.format !== BACKUP_FORMAT) throw new Error(`not a ${BACKUP_FORMAT} file`)
  if (trailer.end !== true) throw new Error('the backup is cut short: it has no trailer')
  const hash = createHash('sha256')
  for (const line of rest) hash.update(`${line}\n`)
  if (rest.length !== trailer.items)
    throw new Error(`the backup holds ${rest.length} items; its trailer says ${trailer.items}`)
  if (hash.digest('hex') !== trailer.sha256) throw new Error('the backup’s items do not match its checksum')
  return { header, items: rest.map((l) => JSON.parse(l) as Item) }
}

/** Writes the items into `table`, which must be empty; batches of 25, unprocessed items retried. */
export async function restoreTable(
  client: DynamoDBClient,
  table: string,
  items: readonly Item[],
  onProgress?: (done: number) => void,
): Promise<void> {
  const any = await client.send(new ScanCommand({ TableName: table, Limit: 1 }))
  if ((any.Items ?? []).length > 0)
    throw new Error(`table ${table} is not empty; restore only into an empty table`)
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }))
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept items unprocessed; try again later')
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt))
      const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }))
      requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests
    }
    onProgress?.(Math.min(i + 25, items.length))
  }
}
