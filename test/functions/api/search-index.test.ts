/** The in-memory search index: reloaded in the background, and never more often than it should be. */
import { describe, expect, it } from 'vitest'
import { refreshingIndex } from '../../../functions/api/search-index.js'
import type { SearchEntry } from '../../../shared/search/entry.js'

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('refreshingIndex', () => {
  it('serves the loaded entries while it reloads after an invalidation, at most once per interval', async () => {
    let clock = 0
    let loads = 0
    const index = refreshingIndex(
      async () => {
        loads++
        return [{ uscc: `load-${loads}` } as unknown as SearchEntry]
      },
      60_000,
      () => clock,
      5_000,
    )
    expect((await index.entries())[0]?.uscc).toBe('load-1')
    // Invalidated many times in a burst (every approval under load): no rebuild before 5 s.
    for (let i = 0; i < 50; i++) index.invalidate()
    clock = 1_000
    expect((await index.entries())[0]?.uscc).toBe('load-1')
    await settle()
    expect(loads).toBe(1)
    clock = 5_000
    expect((await index.entries())[0]?.uscc).toBe('load-1')
    await settle()
    expect(loads).toBe(2)
    expect((await index.entries())[0]?.uscc).toBe('load-2')
    // Without invalidations, only its age makes it reload.
    clock = 30_000
    await index.entries()
    await settle()
    expect(loads).toBe(2)
    clock = 70_000
    await index.entries()
    await settle()
    expect(loads).toBe(3)
  })
})
