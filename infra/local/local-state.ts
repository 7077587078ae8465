/**
 * Files under the data folder that coordinate the local tools:
 * - `runner.json`, created exclusively: only one `npm start` (or a seed without one) uses the
 *   database at a time; once the runner is ready it also says where its DynamoDB Local listens.
 * - `seed.json`: what the first start seeded, so an interrupted seed finishes the same way.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export type RunnerState = {
  pid: number
  startedAt: string
  /** Set once the runner serves. */
  url?: string
  dynamodbEndpoint?: string
  tableName?: string
}

const runnerFile = (dataDir: string) => join(dataDir, 'runner.json')

/** The live holder of the data folder, or undefined (a stale file from a dead process is ignored). */
export function readRunning(dataDir: string): RunnerState | undefined {
  let state: RunnerState
  try {
    state = JSON.parse(readFileSync(runnerFile(dataDir), 'utf8')) as RunnerState
  } catch {
    return undefined
  }
  return isAlive(state.pid) ? state : undefined
}

/**
 * Takes the data folder for this process, or returns the live process that holds it. A file left
 * by a process that died is taken over.
 */
export function acquire(dataDir: string): { ok: true } | { ok: false; holder: RunnerState } {
  const file = runnerFile(dataDir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, `${JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() })}\n`)
      closeSync(fd)
      return { ok: true }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readRunning(dataDir)
      if (holder) return { ok: false, holder }
      rmSync(file, { force: true })
    }
  }
  throw new Error(`could not take ${file}; another process keeps creating it`)
}

/** Records where the ready runner serves (the caller holds the folder). */
export function announce(dataDir: string, state: RunnerState): void {
  writeFileSync(runnerFile(dataDir), `${JSON.stringify(state, null, 2)}\n`)
}

/** Gives the folder up, if this process holds it. */
export function release(dataDir: string): void {
  if (readRunning(dataDir)?.pid === process.pid) rmSync(runnerFile(dataDir), { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** What the first start seeded, so an interrupted seed is finished with the same parameters. */
export type SeedState = { agencies: number; seed: number; asOf: string; complete: boolean }

const seedFile = (dataDir: string) => join(dataDir, 'seed.json')

/** The seed parameters recorded by the first start, if any. */
export function readSeedState(dataDir: string): SeedState | undefined {
  try {
    return JSON.parse(readFileSync(seedFile(dataDir), 'utf8')) as SeedState
  } catch {
    return undefined
  }
}

/** Records the seed parameters and whether the seed finished. */
export function writeSeedState(dataDir: string, state: SeedState): void {
  writeFileSync(seedFile(dataDir), `${JSON.stringify(state, null, 2)}\n`)
}
