/**
 * The in-memory search index: every agency's entry, loaded once and refreshed in the background when
 * it grows old or the ratings change, so a search never waits for DynamoDB.
 */
import type { SearchEntry } from '../../shared/search/entry.js'
import { derive } from '../../shared/search/search.js'

export type SearchIndex = {
  /** The current entries, in USCC order (loads them on first use). */
  entries(): Promise<readonly SearchEntry[]>
  /** When the entries were last brought up to date, whole or in part (UTC); undefined before the first load. */
  updatedAt(): string | undefined
  /** Marks the entries out of date; the next call reloads them all in the background. */
  invalidate(): void
  /** These agencies changed: their entries alone are read again, in the background. */
  refresh(usccs: readonly string[]): void
}

/** The entries of some agencies as they are now; an agency gone from the table is absent. */
export type LoadSome = (usccs: readonly string[]) => Promise<SearchEntry[]>

/**
 * An index over `load`, reloaded whole in the background after `maxAgeMs` or an invalidation, and
 * entry by entry where `loadSome` is given and changes are reported. Loads and refreshes run one
 * at a time, in the order asked, so a refresh never loses to an older whole load.
 */
export function refreshingIndex(
  load: () => Promise<SearchEntry[]>,
  options: {
    maxAgeMs: number
    now?: () => number
    /** However often it is invalidated, the index is rebuilt at most this often (a full scan). */
    minReloadMs?: number
    loadSome?: LoadSome
  },
): SearchIndex {
  const { maxAgeMs, now = Date.now, minReloadMs = 5_000, loadSome } = options
  /** `at`: the last whole load (what the age counts from); `updatedAt`: the last load or refresh. */
  let current: { entries: readonly SearchEntry[]; at: number; updatedAt: number } | undefined
  /** Loads and refreshes in the order asked; it never rejects. */
  let queue: Promise<unknown> = Promise.resolve()
  let loading: Promise<readonly SearchEntry[]> | undefined
  let dirty = false
  const pending = new Set<string>()
  let refreshing = false

  const reload = () => {
    if (loading) return loading
    loading = queue
      .then(load)
      .then((entries) => {
        const at = now()
        current = { entries, at, updatedAt: at }
        dirty = false
        return entries
      })
      .finally(() => {
        loading = undefined
      })
    queue = loading.catch(() => {})
    return loading
  }

  const refreshPending = () => {
    if (refreshing || !loadSome) return
    refreshing = true
    queue = queue
      .then(async () => {
        while (pending.size > 0) {
          // No index yet (its first load failed): the next load reads everything anyway.
          if (!current) return pending.clear()
          const usccs = [...pending]
          pending.clear()
          const fresh = await Promise.resolve()
            .then(() => loadSome(usccs))
            .catch(() => {
              // Not refreshed: a whole reload will bring them.
              dirty = true
              return undefined
            })
          if (fresh && current)
            current = { ...current, entries: merge(current.entries, usccs, fresh), updatedAt: now() }
        }
      })
      .catch(() => {
        dirty = true
        pending.clear()
      })
      .finally(() => {
        refreshing = false
        if (pending.size > 0) refreshPending()
      })
  }

  return {
    async entries() {
      if (!current) return reload()
      const age = now() - current.at
      if ((dirty && age >= minReloadMs) || age > maxAgeMs) void reload().catch(() => {})
      return current.entries
    },
    updatedAt: () => (current ? new Date(current.updatedAt).toISOString() : undefined),
    invalidate: () => {
      dirty = true
    },
    refresh(usccs) {
      if (!loadSome) {
        dirty = true
        return
      }
      // Before any load there is nothing to refresh: the first load reads everything. During one,
      // the agency may have been read before it changed: it is read again once the load is in.
      if (!current && !loading) return
      for (const uscc of usccs) pending.add(uscc)
      refreshPending()
    },
  }
}

/** A new USCC-ordered array: `usccs` replaced by their fresh entries (or removed when they have none). */
export function merge(
  entries: readonly SearchEntry[],
  usccs: readonly string[],
  fresh: readonly SearchEntry[],
): SearchEntry[] {
  const changed = new Set(usccs)
  const kept = entries.filter((e) => !changed.has(e.uscc))
  const added = fresh.filter((e) => changed.has(e.uscc)).sort((a, b) => (a.uscc < b.uscc ? -1 : 1))
  const out: SearchEntry[] = []
  let i = 0
  for (const entry of added) {
    while (i < kept.length && (kept[i] as SearchEntry).uscc < entry.uscc) out.push(kept[i++] as SearchEntry)
    out.push(entry)
  }
  while (i < kept.length) out.push(kept[i++] as SearchEntry)
  // Searched as the old list plus the changes, until enough change that it is prepared whole.
  derive(out, entries, usccs)
  return out
}
