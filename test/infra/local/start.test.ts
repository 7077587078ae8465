/**
 * `npm start` as a user runs it: a real process with its own DynamoDB Local. Checks it serves
 * /health, persists data, refuses a second copy, and never leaves Java behind.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../../../infra/local/dynamodb-local.js'
import { createClients } from '../../../shared/store/clients.js'
import { createStore } from '../../../shared/store/store.js'

const dataDir = mkdtempSync(join(tmpdir(), 'chengxin-start-'))
const started: ChildProcess[] = []
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

type Runner = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function startRunner(env: Record<string, string>, args: string[] = []): Runner {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', ...args], {
    env: { ...process.env, CHENGXIN_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(child)
  let text = ''
  child.stdout?.on('data', (chunk) => (text += chunk))
  child.stderr?.on('data', (chunk) => (text += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => text, exited }
}

async function waitFor(runner: Runner, pattern: RegExp, timeoutMs = 45_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = runner.output().match(pattern)
    if (match) return match
    if (runner.child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`never printed ${pattern}; output:\n${runner.output()}`)
}

/** Pids of Java processes serving DynamoDB Local on a port (from /proc on Linux, else from ps). */
function javaOnPort(port: string): number[] {
  // argv[0] must be java itself: the sh watchdog carries the same arguments.
  const serves = (args: string) =>
    /^(\S*\/)?java /.test(args) &&
    args.includes('DynamoDBLocal.jar') &&
    / -port \d+/.exec(args)?.[0] === ` -port ${port}`
  if (existsSync('/proc/self/cmdline')) {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return serves(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))
        } catch {
          return false
        }
      })
      .map(Number)
  }
  return execFileSync('ps', ['-axo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+) (.*)$/.exec(line))
    .filter((m) => m !== null && serves(m[2] ?? ''))
    .map((m) => Number(m?.[1]))
}

/**
 * The demo agencies are rated on first start, and a record written through the repository moves
 * its agency's cached rating within 2 seconds (stream → stream handler → rating), and what the API
 * shows of it, in a lookup and in a search, as soon as that (the runner renews the agency's cached
 * read and search entry; it does not wait for the whole index to be reloaded).
 */
async function expectLiveRating(runner: Runner, url: string) {
  expect(runner.output()).toMatch(/Rated 12 agencies/)
  const state = JSON.parse(readFileSync(join(dataDir, 'runner.json'), 'utf8'))
  const { documentClient } = createClients(state.dynamodbEndpoint)
  const store = createStore({ documentClient, tableName: state.tableName })
  const rated = (
    await Promise.all((['A+', 'A', 'B', 'C', 'D', 'NR'] as const).map((g) => store.listRatingsByGrade(g)))
  ).flatMap((p) => p.items)
  expect(rated).toHaveLength(12)
  const target = rated.find((r) => r.grade !== 'D' && r.grade !== 'NR')
  const agency = await store.getAgency(target?.uscc ?? '')
  if (!target || !agency) throw new Error('no rated agency to change')
  const shown = async () => {
    const detail = (await (await fetch(`${url}/v1/agencies/${agency.uscc}`)).json()) as {
      rating: { grade: string }
    }
    const found = (await (await fetch(`${url}/v1/agencies?q=${agency.uscc}`)).json()) as {
      items: { uscc: string; grade: string }[]
    }
    return { detail: detail.rating.grade, search: found.items.find((i) => i.uscc === agency.uscc)?.grade }
  }
  // Both are served from memory now: the read is cached, the index freshly loaded.
  expect(await shown()).toEqual({ detail: target.grade, search: target.grade })
  const written = Date.now()
  await store.putRecord({
    uscc: agency.uscc,
    occurredOn: '2026-12-01',
    id: '01KLIVE0000000000000000001',
    kind: 'criminal_penalty',
    severity: 'serious',
    title: { zh: '负责人受刑事处罚（测试）', en: 'Person in charge sentenced (test)' },
    authority: '某市人民法院',
    source: { name: 'test' },
    region: agency.region,
    status: 'effective',
    submitted: { officerId: 'test', at: new Date().toISOString() },
    demo: true,
    version: 1,
  })
  while ((await store.getRating(agency.uscc))?.grade !== 'D') {
    expect(Date.now() - written, 'rating readable within 2 s').toBeLessThan(2_000)
    await new Promise((r) => setTimeout(r, 25))
  }
  while ((await shown()).search !== 'D' || (await shown()).detail !== 'D') {
    expect(Date.now() - written, 'new grade shown by the API within 2 s').toBeLessThan(2_000)
    await new Promise((r) => setTimeout(r, 25))
  }
}

async function waitUntilGone(pids: number[], timeoutMs = 10_000): Promise<void> {
  const alive = () =>
    pids.filter((pid) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    })
  const deadline = Date.now() + timeoutMs
  while (alive().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  expect(alive()).toEqual([])
}

describe('npm start', () => {
  it('serves /health, persists its data, refuses a second copy, and stops Java on SIGTERM and on SIGKILL', async () => {
    const port = String(await freePort())
    const first = startRunner({ PORT: port }, ['--agencies', '12'])
    await waitFor(first, /is running/)
    expect(first.output()).toMatch(/Seeded 12 demo agencies/)
    const dbPort = (await waitFor(first, /DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/))[1] ?? ''
    const java = javaOnPort(dbPort)
    expect(java).toHaveLength(1)

    const health = await fetch(`http://127.0.0.1:${port}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { table: 'ok' } })
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text()
    expect(home).toContain('演示数据')
    await expectLiveRating(first, `http://127.0.0.1:${port}`)

    const second = startRunner({ PORT: String(await freePort()) })
    expect(await second.exited).toBe(1)
    expect(second.output()).toMatch(/already running/)

    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    await waitUntilGone(java)

    // Restart on the same data: nothing to seed, and a crash (SIGKILL) still takes Java down.
    const again = startRunner({ PORT: port })
    await waitFor(again, /is running/)
    expect(again.output()).not.toMatch(/Seeded/)
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200)
    const againDbPort = (await waitFor(again, /DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/))[1] ?? ''
    const againJava = javaOnPort(againDbPort)
    expect(againJava).toHaveLength(1)
    again.child.kill('SIGKILL')
    await again.exited
    await waitUntilGone(againJava)
  }, 120_000)

  it('finishes an interrupted first seed with the same parameters on the next start', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'chengxin-resume-'))
    try {
      const first = startRunner({ CHENGXIN_DATA_DIR: otherDir, PORT: String(await freePort()) }, [
        '--agencies',
        '300',
      ])
      await waitFor(first, /Seeding demo data/)
      first.child.kill('SIGKILL')
      await first.exited
      const again = startRunner({ CHENGXIN_DATA_DIR: otherDir, PORT: String(await freePort()) })
      await waitFor(again, /is running/)
      expect(again.output()).toMatch(/Seeded 300 demo agencies/)
      again.child.kill('SIGTERM')
      expect(await again.exited).toBe(0)
    } finally {
      rmSync(otherDir, { recursive: true, force: true })
    }
  }, 120_000)

  it('stops everything when npm gets SIGTERM, even with its output pipe closed', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'chengxin-npm-'))
    const port = String(await freePort())
    const npm = spawn('npm', ['start', '--', '--in-memory', '--agencies', '3'], {
      env: { ...process.env, CHENGXIN_DATA_DIR: otherDir, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    started.push(npm)
    const runner: Runner = {
      child: npm,
      output: () => text,
      exited: new Promise((resolve) => npm.once('exit', (code) => resolve(code))),
    }
    let text = ''
    npm.stdout?.on('data', (chunk) => (text += chunk))
    npm.stderr?.on('data', (chunk) => (text += chunk))
    try {
      await waitFor(runner, /is running/)
      const dbPort = (await waitFor(runner, /DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/))[1] ?? ''
      const java = javaOnPort(dbPort)
      expect(java).toHaveLength(1)
      npm.stdout?.destroy()
      npm.stderr?.destroy()
      npm.kill('SIGTERM')
      await runner.exited
      await waitUntilGone(java)
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow()
    } finally {
      rmSync(otherDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('reports a taken PORT at once, before starting the database', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await new Promise((resolve) => blocker.once('listening', resolve))
    const port = String((blocker.address() as AddressInfo).port)
    try {
      const runner = startRunner({ PORT: port }, ['--in-memory'])
      expect(await runner.exited).toBe(1)
      expect(runner.output()).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is in use`))
      expect(runner.output()).not.toMatch(/Starting DynamoDB Local/)
    } finally {
      blocker.close()
    }
  }, 30_000)

  it('names the fix in one line when java is missing', async () => {
    const runner = startRunner({ PATH: '/nonexistent', PORT: String(await freePort()) }, ['--in-memory'])
    expect(await runner.exited).toBe(1)
    const lines = runner.output().trim().split('\n')
    expect(lines.at(-1), runner.output()).toMatch(
      /needs Java 17.*"java" was not found.*apt-get install -y openjdk-17-jre-headless/,
    )
  }, 30_000)
})
