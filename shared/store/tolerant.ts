/**
 * Reading past a corrupt item. An item with a wrong type or a missing field (written by hand, by an
 * old version, by a bug) must not take a whole page, batch or search index down with it: the read
 * is retried item by item, the items that format are returned, and each one that does not is
 * reported (table key and reason) and skipped. Only formatting errors take this path; any other
 * error is the caller's.
 */

import type { DynamoDBDocumentClient, QueryCommandInput, ScanCommandInput } from '@aws-sdk/lib-dynamodb'
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb'
import type { Entity } from 'dynamodb-toolbox/entity'
import { EntityFormatter } from 'dynamodb-toolbox/entity/actions/format'
import { DynamoDBToolboxError } from 'dynamodb-toolbox/errors'

export type CorruptItem = { pk: unknown; sk: unknown; entity: unknown; reason: string }
export type CorruptReport = (item: CorruptItem) => void

/** Reports on stderr as one JSON line (the Lambda log, the local console). */
export const logCorrupt: CorruptReport = (item) =>
  console.error(JSON.stringify({ level: 'WARN', message: 'corrupt item skipped', ...item }))

export const isFormatError = (error: unknown) => DynamoDBToolboxError.match(error, 'formatter.')

type Command = { send(): Promise<unknown>; params(): ScanCommandInput | QueryCommandInput }

/**
 * Sends a toolbox scan or query; if an item cannot be formatted, runs the same request raw and
 * formats item by item, skipping (and reporting) the corrupt ones.
 */
export async function sendTolerant(
  documentClient: DynamoDBDocumentClient,
  command: Command,
  entities: readonly Entity[],
  options: { attributes?: readonly string[]; showEntityAttr?: boolean; allPages?: boolean },
  report: CorruptReport,
): Promise<{ Items?: unknown[]; LastEvaluatedKey?: Record<string, unknown> }> {
  try {
    return (await command.send()) as { Items?: unknown[]; LastEvaluatedKey?: Record<string, unknown> }
  } catch (error) {
    if (!isFormatError(error)) throw error
  }
  const params = command.params()
  const isQuery = 'KeyConditionExpression' in params && Boolean(params.KeyConditionExpression)
  const raws: Record<string, unknown>[] = []
  let start = params.ExclusiveStartKey
  let last: Record<string, unknown> | undefined
  do {
    const input = { ...params, ...(start ? { ExclusiveStartKey: start } : {}) }
    const out = isQuery
      ? await documentClient.send(new QueryCommand(input as QueryCommandInput))
      : await documentClient.send(new ScanCommand(input as ScanCommandInput))
    raws.push(...(out.Items ?? []))
    last = out.LastEvaluatedKey
    start = last
  } while (options.allPages && start)
  const Items: unknown[] = []
  for (const raw of raws) {
    const entity =
      entities.find((e) => e.entityName === raw._et) ?? (entities.length === 1 ? entities[0] : undefined)
    try {
      if (!entity) throw new Error('no entity')
      const item = new EntityFormatter(entity).format(
        raw,
        options.attributes ? { attributes: options.attributes as never } : {},
      )
      Items.push(options.showEntityAttr ? { ...item, entity: entity.entityName } : item)
    } catch (error) {
      report({ pk: raw.pk, sk: raw.sk, entity: raw._et, reason: (error as Error).message })
    }
  }
  return { Items, ...(last ? { LastEvaluatedKey: last } : {}) }
}

/** A single get whose item cannot be formatted reads as missing, and is reported. */
export async function getTolerant<T>(
  get: () => Promise<T | undefined>,
  key: { pk: string; sk: string },
  report: CorruptReport,
) {
  try {
    return await get()
  } catch (error) {
    if (!isFormatError(error)) throw error
    report({ ...key, entity: undefined, reason: (error as Error).message })
    return undefined
  }
}
