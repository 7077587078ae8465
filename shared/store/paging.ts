/** Opaque paging cursors: the DynamoDB LastEvaluatedKey as base64url JSON, checked on the way back in. */
import { InvalidCursorError } from './errors.js'
import { INDEXES, PRIMARY_KEY } from './keys.js'

/** One page of a longer list; `next` is absent on the last page. */
export type Page<T> = { items: T[]; next?: string }

export type PageRequest = { limit?: number; cursor?: string }

export const MAX_PAGE_SIZE = 100

const KEY_NAMES = new Set<string>(
  [PRIMARY_KEY, ...Object.values(INDEXES)].flatMap((k) => [k.partitionKey.name, k.sortKey.name]),
)

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined
}

/** Decodes a cursor, rejecting anything that is not a key of this table. */
export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError('The paging cursor is not one this service issued')
  }
  const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : []
  const ok =
    entries.length > 0 &&
    entries.every(([k, v]) => KEY_NAMES.has(k) && typeof v === 'string' && v.length < 1024)
  if (!ok) throw new InvalidCursorError('The paging cursor is not one this service issued')
  return value as Record<string, string>
}

/** Clamps a requested page size to 1..MAX_PAGE_SIZE. */
export function pageSize(limit: number | undefined, fallback = 50): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit ?? fallback)))
}
