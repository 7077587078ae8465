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
      { maxAgeMs: 60_000, now: () => clock, minReloadMs: 5_000 },
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

describe('refreshingIndex with changes reported', () => {
  const entry = (uscc: string, grade: SearchEntry['grade'] = 'B') =>
    ({ uscc, grade }) as unknown as SearchEntry
  const until = async (test: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await test()); i++) await settle()
  }

  it('re-reads only the changed agencies, keeps USCC order, adds new ones and drops deleted ones', async () => {
    let wholeLoads = 0
    const table = new Map([
      ['A1', entry('A1')],
      ['B2', entry('B2')],
      ['C3', entry('C3')],
    ])
    const asked: string[][] = []
    const index = refreshingIndex(
      async () => {
        wholeLoads++
        return [...table.values()]
      },
      {
        maxAgeMs: 3_600_000,
        loadSome: async (usccs) => {
          asked.push([...usccs])
          return usccs.flatMap((u) => table.get(u) ?? [])
        },
      },
    )
    expect((await index.entries()).map((e) => e.uscc)).toEqual(['A1', 'B2', 'C3'])
    table.set('B2', entry('B2', 'D'))
    table.set('AB', entry('AB', 'A'))
    table.delete('C3')
    index.refresh(['B2', 'AB', 'C3'])
    await until(async () => (await index.entries()).length === 3 && asked.length > 0)
    const now = await index.entries()
    expect(now.map((e) => `${e.uscc}:${e.grade}`)).toEqual(['A1:B', 'AB:A', 'B2:D'])
    expect(asked).toEqual([['B2', 'AB', 'C3']])
    expect(wholeLoads).toBe(1)
  })

  it('applies a change reported while a whole load is running after that load, never under it', async () => {
    let clock = 0
    let release: () => void = () => {}
    let grade: SearchEntry['grade'] = 'B'
    let loads = 0
    const index = refreshingIndex(
      async () => {
        loads++
        const snapshot = entry('A1', grade)
        if (loads === 2) await new Promise<void>((r) => (release = r))
        return [snapshot]
      },
      { maxAgeMs: 5, now: () => clock, loadSome: async (usccs) => usccs.map(() => entry('A1', grade)) },
    )
    await index.entries()
    // Old enough: a second whole load starts, reads the old grade and is still running when the change lands.
    clock = 10
    await index.entries()
    await settle()
    grade = 'D'
    index.refresh(['A1'])
    release()
    await until(async () => loads === 2 && (await index.entries())[0]?.grade === 'D')
    expect((await index.entries())[0]?.grade).toBe('D')
    expect(loads).toBe(2)
  })

  it('falls back to a whole reload when re-reading the changed agencies fails', async () => {
    let clock = 0
    let loads = 0
    const index = refreshingIndex(
      async () => {
        loads++
        return [entry('A1', loads === 1 ? 'B' : 'C')]
      },
      {
        maxAgeMs: 3_600_000,
        now: () => clock,
        loadSome: async () => {
          throw new Error('throttled')
        },
      },
    )
    await index.entries()
    index.refresh(['A1'])
    await settle()
    await settle()
    clock = 6_000
    await index.entries()
    await until(async () => (await index.entries())[0]?.grade === 'C')
    expect(loads).toBe(2)
  })
  it('reads again an agency that changed while the first load was running', async () => {
    let release: () => void = () => {}
    let grade: SearchEntry['grade'] = 'B'
    const index = refreshingIndex(
      async () => {
        const snapshot = [entry('A1', grade)]
        await new Promise<void>((r) => (release = r))
        return snapshot
      },
      { maxAgeMs: 3_600_000, loadSome: async (usccs) => usccs.map((u) => entry(u, grade)) },
    )
    const first = index.entries()
    await settle()
    // The load has read A1 as B; then A1 changes and is reported before the load is in.
    grade = 'D'
    index.refresh(['A1'])
    release()
    expect((await first)[0]?.grade).toBe('B')
    await until(async () => (await index.entries())[0]?.grade === 'D')
    expect((await index.entries())[0]?.grade).toBe('D')
  })

  it('never starts a whole load while a refresh asked before it is running, however often it is searched', async () => {
    let clock = 0
    const log: string[] = []
    const gates: (() => void)[] = []
    const gate = (name: string) => {
      log.push(`${name} start`)
      return new Promise<void>((r) => gates.push(r)).then(() => log.push(`${name} end`))
    }
    let loads = 0
    const index = refreshingIndex(
      async () => {
        loads++
        if (loads > 1) await gate(`load ${loads}`)
        return [entry('A1')]
      },
      {
        maxAgeMs: 10,
        now: () => clock,
        loadSome: async (usccs) => {
          await gate('refresh')
          return usccs.map((u) => entry(u, 'D'))
        },
      },
    )
    await index.entries()
    clock = 20
    await index.entries() // starts load 2
    index.refresh(['A1']) // waits for load 2
    await index.entries() // a search while load 2 runs
    await settle()
    gates.shift()?.() // load 2 ends; the refresh starts
    await until(async () => log.includes('refresh start'))
    clock = 40
    await index.entries() // old enough again: load 3 must wait for the refresh
    await settle()
    expect(log).toEqual(['load 2 start', 'load 2 end', 'refresh start'])
    gates.shift()?.()
    await until(async () => log.includes('load 3 start'))
    expect(log).toEqual(['load 2 start', 'load 2 end', 'refresh start', 'refresh end', 'load 3 start'])
  })

  it('keeps refreshing after a refresh fails outright, without an unhandled rejection', async () => {
    let calls = 0
    const index = refreshingIndex(async () => [entry('A1'), entry('B2')], {
      maxAgeMs: 3_600_000,
      loadSome: (usccs) => {
        calls++
        if (calls === 1) throw new Error('not ready')
        return Promise.resolve(usccs.map((u) => entry(u, 'C')))
      },
    })
    await index.entries()
    index.refresh(['A1'])
    await settle()
    index.refresh(['B2'])
    await until(async () => (await index.entries())[1]?.grade === 'C')
    expect((await index.entries()).map((e) => e.grade)).toEqual(['B', 'C'])
  })
})
