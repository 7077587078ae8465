/**
 * A per-instance cache of hot reads with a short time to live, so a burst of requests for one
 * agency becomes one read of DynamoDB. Concurrent misses share one load.
 */
export type HotCache<T> = {
  get(key: string, load: () => Promise<T>): Promise<T>
  delete(key: string): void
}

export function hotCache<T>(ttlMs: number, maxEntries = 10_000, now: () => number = Date.now): HotCache<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>()
  return {
    get(key, load) {
      const hit = entries.get(key)
      if (hit && now() - hit.at < ttlMs) return hit.value
      const value = load()
      entries.delete(key)
      entries.set(key, { at: now(), value })
      // A failed load is not kept.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key)
      })
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      return value
    },
    delete: (key) => {
      entries.delete(key)
    },
  }
}
