/** `npm run seed` as a user runs it, writing JSON Lines (no database needed). */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parseUscc } from '../../../shared/identity/uscc.js'

const seed = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/seed.ts', ...args], { encoding: 'utf8' })

describe('npm run seed', () => {
  it('prints byte-identical JSON Lines for the same seed and as-of date, with valid USCCs', () => {
    const args = ['--agencies', '25', '--seed', '42', '--as-of', '2026-12-04', '--out', '-']
    const first = seed(...args)
    expect(first.status).toBe(0)
    expect(seed(...args).stdout).toBe(first.stdout)
    const lines = first.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const agencies = lines.filter((l) => l.type === 'agency')
    expect(agencies).toHaveLength(25)
    for (const { item } of agencies) expect(parseUscc(item.uscc).ok).toBe(true)
    expect(lines.every((l) => l.item.demo === true)).toBe(true)
    expect(seed('--agencies', '25', '--seed', '43', '--as-of', '2026-12-04', '--out', '-').stdout).not.toBe(
      first.stdout,
    )
  })

  it.each([
    [['--agencies', 'lots'], /--agencies must be 1–100000/],
    [['--as-of', '2026-02-30', '--out', '-'], /--as-of must be a date/],
    [['--colour'], /Unknown option '--colour'/],
  ])('rejects %j with a clear message and usage', (args, message) => {
    const result = seed(...args)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).toMatch(/Usage: npm run seed/)
    expect(result.stdout).toBe('')
  })
})
