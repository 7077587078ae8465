/** `npm run rerate` as a user runs it, on a data folder of its own. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('npm run rerate', () => {
  it('rates every agency, says when the job already finished, and re-reads everything with --fresh', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chengxin-rerate-'))
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', `infra/local/${script}.ts`, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CHENGXIN_DATA_DIR: dataDir },
      })
    try {
      expect(run('seed', '--agencies', '8').status).toBe(0)
      const first = run('rerate', '--job', 'test')
      expect(first.stderr).toBe('')
      expect(first.stdout).toMatch(
        /Job test: 8 agencies, 8 ratings changed, 0 unchanged, 0 could not be rated\./,
      )
      expect(run('rerate', '--job', 'test').stdout).toMatch(/already finished; add --fresh/)
      expect(run('rerate', '--job', 'test', '--fresh').stdout).toMatch(
        /8 agencies, 0 ratings changed, 8 unchanged/,
      )
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 90_000)
})
