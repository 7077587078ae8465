/**
 * Opaque paging cursors: the DynamoDB LastEvaluatedKey and the list it belongs to, as base64url
 * JSON. A cursor is checked on the way back in, and only works on the list that issued it.
 */
import { InvalidCursorError } from './errors.js'
import { INDEXES, PRIMARY_KEY } from './keys.js'

/** One page of a longer list; `next` is absent on the last page. */
export type Page<T> = { items: T[]; next?: string }

export type PageRequest = { limit?: number; cursor?: string }

/** Largest page a list answers with (what the API hands out). */
export const MAX_PAGE_SIZE = 100
/** Largest page an internal scan reads at once. */
export const MAX_SCAN_PAGE_SIZE = 1000

const KEY_NAMES = new Set<string>(
  [PRIMARY_KEY, ...Object.values(INDEXES)].flatMap((k) => [k.partitionKey.name, k.sortKey.name]),
)

/** Wraps a LastEvaluatedKey for the list `scope` (index and partition). */
export function encodeCursor(scope: string, key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify({ s: scope, k: key })).toString('base64url') : undefined
}

/** Unwraps a cursor issued for `scope`; anything else is an InvalidCursorError. */
export function decodeCursor(scope: string, cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined
  const invalid = () =>
    new InvalidCursorError('The paging cursor does not belong to this list; start again from the first page')
  let value: { s?: unknown; k?: unknown }
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  const key = value?.k
  const entries = key && typeof key === 'object' && !Array.isArray(key) ? Object.entries(key) : []
  const ok =
    value.s === scope &&
    entries.length > 0 &&
    entries.every(([k, v]) => KEY_NAMES.has(k) && typeof v === 'string' && v.length < 1024)
  if (!ok) throw invalid()
  return key as Record<string, string>
}

/** Clamps a requested page size to 1..max. */
export function pageSize(limit: number | undefined, fallback = 50, max = MAX_PAGE_SIZE): number {
  return Math.min(max, Math.max(1, Math.floor(limit ?? fallback)))
}

/** Runs one page of a query over the list `scope` and wraps its cursor. */
export async function paged<T>(
  scope: string,
  request: PageRequest & { maxLimit?: number },
  query: (options: { limit: number; exclusiveStartKey?: Record<string, string> }) => Promise<{
    Items?: T[]
    LastEvaluatedKey?: Record<string, unknown>
  }>,
): Promise<Page<T>> {
  const exclusiveStartKey = decodeCursor(scope, request.cursor)
  const { Items = [], LastEvaluatedKey } = await query({
    limit: pageSize(request.limit, 50, request.maxLimit),
    ...(exclusiveStartKey ? { exclusiveStartKey } : {}),
  })
  const next = encodeCursor(scope, LastEvaluatedKey)
  return next ? { items: Items, next } : { items: Items }
}
