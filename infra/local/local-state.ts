/**
 * `<data dir>/local.json` says which local runner is up and where its DynamoDB Local listens, so
 * the seed CLI can write to it and a second `npm start` can refuse politely.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type LocalState = {
  pid: number
  url: string
  dynamodbEndpoint: string
  tableName: string
  startedAt: string
}

const stateFile = (dataDir: string) => join(dataDir, 'local.json')

/** The running runner's state, or undefined when none is running (a stale file is ignored). */
export function readRunning(dataDir: string): LocalState | undefined {
  let state: LocalState
  try {
    state = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as LocalState
  } catch {
    return undefined
  }
  try {
    process.kill(state.pid, 0)
    return state
  } catch {
    return undefined
  }
}

export function writeRunning(dataDir: string, state: LocalState): void {
  writeFileSync(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`)
}

export function clearRunning(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true })
}

/** What the first start seeded, so an interrupted seed is finished with the same parameters. */
export type SeedState = { agencies: number; seed: number; asOf: string; complete: boolean }

const seedFile = (dataDir: string) => join(dataDir, 'seed.json')

export function readSeedState(dataDir: string): SeedState | undefined {
  try {
    return JSON.parse(readFileSync(seedFile(dataDir), 'utf8')) as SeedState
  } catch {
    return undefined
  }
}

export function writeSeedState(dataDir: string, state: SeedState): void {
  writeFileSync(seedFile(dataDir), `${JSON.stringify(state, null, 2)}\n`)
}
