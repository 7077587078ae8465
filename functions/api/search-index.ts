/**
 * The in-memory search index: every agency's entry, loaded once and refreshed in the background when
 * it grows old or the ratings change, so a search never waits for DynamoDB.
 */
import type { SearchEntry } from '../../shared/search/entry.js'

export type SearchIndex = {
  /** The current entries (loads them on first use). */
  entries(): Promise<readonly SearchEntry[]>
  /** When the entries in use were loaded (UTC), or undefined before the first load. */
  loadedAt(): string | undefined
  /** Marks the entries out of date; the next call reloads them in the background. */
  invalidate(): void
}

/** An index over `load`, reloaded in the background after `maxAgeMs` or an invalidation. */
export function refreshingIndex(
  load: () => Promise<SearchEntry[]>,
  maxAgeMs: number,
  now: () => number = Date.now,
  /** However often it is invalidated, the index is rebuilt at most this often (a full scan). */
  minReloadMs = 5_000,
): SearchIndex {
  let current: { entries: readonly SearchEntry[]; at: number } | undefined
  let loading: Promise<readonly SearchEntry[]> | undefined
  let dirty = false
  const reload = () => {
    loading ??= load()
      .then((entries) => {
        current = { entries, at: now() }
        dirty = false
        return entries
      })
      .finally(() => {
        loading = undefined
      })
    return loading
  }
  return {
    async entries() {
      if (!current) return reload()
      const age = now() - current.at
      if ((dirty && age >= minReloadMs) || age > maxAgeMs) void reload().catch(() => {})
      return current.entries
    },
    loadedAt: () => (current ? new Date(current.at).toISOString() : undefined),
    invalidate: () => {
      dirty = true
    },
  }
}
