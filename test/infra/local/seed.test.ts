/** `npm run seed` as a user runs it, writing JSON Lines (no database needed). */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseUscc } from '../../../shared/identity/uscc.js'

const seed = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/seed.ts', ...args], { encoding: 'utf8' })

describe('npm run seed', () => {
  it('stops quietly when the reader goes away (| head)', () => {
    const result = spawnSync(
      'sh',
      ['-c', 'node --import tsx infra/local/seed.ts --agencies 2000 --out - | head -c 100 >/dev/null'],
      {
        encoding: 'utf8',
      },
    )
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
  })

  it('refuses to write over a database that holds data, and replaces it with --reset', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chengxin-seed-'))
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/seed.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, CHENGXIN_DATA_DIR: dataDir },
      })
    try {
      const first = run('--agencies', '5', '--seed', '1')
      expect(first.stderr).toBe('')
      expect(first.stdout).toMatch(/Wrote 5 demo agencies/)
      const again = run('--agencies', '7', '--seed', '2')
      expect(again.status).toBe(1)
      expect(again.stderr).toMatch(/already holds data\. Add --reset/)
      const reset = run('--agencies', '7', '--seed', '2', '--reset')
      expect(reset.stdout).toMatch(/Wrote 7 demo agencies/)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)

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
    [['--agencies', 'lots'], /--agencies must be a whole number from 1 to 100000; got "lots"/],
    [['--as-of', '2026-02-30', '--out', '-'], /--as-of must be a date/],
    [['--colour'], /Unknown option '--colour'/],
  ])('rejects %j with a clear message and usage', (args, message) => {
    const result = seed(...args)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).toMatch(/Usage: npm run -s seed/)
    expect(result.stdout).toBe('')
  })
})
