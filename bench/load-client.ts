/**
 * An open-loop load generator: requests leave at evenly spaced instants whatever the server does,
 * and each latency is measured from the instant its request was due, not from when it could be sent
 * (a slow server cannot hide its queue: no coordinated omission, as in wrk2).
 *
 * autocannon's `overallRate` is not used for this: it sends each connection's quota for a second
 * back to back at the start of that second (a burst every second), and pads its histogram with
 * synthetic samples at a 1 ms interval, so its percentiles at a fixed rate describe neither.
 */
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'

export type LoadResult = {
  rate: number
  seconds: number
  /** Answers per second over the run and its drain, errors included. */
  requestsPerSecond: number
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  /** Answers other than 2xx or 304, connection errors and timeouts. */
  errors: number
  /** The errors by kind: `status 503`, `timeout`, `ECONNRESET` … */
  errorKinds: Record<string, number>
  requests: number
}

const TIMEOUT_MS = 10_000

/** Sends `rate` GETs per second for `seconds`, cycling through `paths`; resolves when all have answered. */
export async function openLoop(options: {
  url: string
  paths: readonly string[]
  rate: number
  seconds: number
  /** Most requests in flight at once (further ones wait for a free connection, and that wait counts). */
  connections?: number
}): Promise<LoadResult> {
  const { url, paths, rate, seconds } = options
  const target = new URL(url)
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 64 })
  const total = Math.round(rate * seconds)
  const latencies: number[] = []
  let errors = 0
  const errorKinds: Record<string, number> = {}
  let sent = 0
  let done = 0
  const start = performance.now()
  const interval = 1000 / rate

  const send = (index: number) => {
    const due = start + index * interval
    let finished = false
    // One deadline for the whole request, waiting for a connection included.
    const deadline = setTimeout(() => finish('timeout'), TIMEOUT_MS)
    const finish = (failure?: string) => {
      if (finished) return
      finished = true
      clearTimeout(deadline)
      if (failure === 'timeout') req.destroy()
      latencies.push(performance.now() - due)
      if (failure !== undefined) {
        errors++
        errorKinds[failure] = (errorKinds[failure] ?? 0) + 1
      }
      done++
    }
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: paths[index % paths.length],
        method: 'GET',
      },
      (res) => {
        res.resume()
        const status = res.statusCode ?? 0
        res.once('end', () => finish(status < 300 || status === 304 ? undefined : `status ${status}`))
        res.once('error', (error) => finish(errorKind(error)))
      },
    )
    req.once('error', (error) => finish(errorKind(error)))
    req.end()
  }

  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1)
      while (sent < due) send(sent++)
      if (sent < total)
        setTimeout(tick, Math.max(0, Math.min(5, start + sent * interval - performance.now())))
      else resolve()
    }
    tick()
  })
  while (done < total) await new Promise((r) => setTimeout(r, 10))
  const elapsed = (performance.now() - start) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0)
  return {
    rate,
    seconds,
    requestsPerSecond: Math.round(total / elapsed),
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: Math.round(latencies[latencies.length - 1] ?? 0),
    errors,
    errorKinds,
    requests: total,
  }
}

const errorKind = (error: Error) => (error as NodeJS.ErrnoException).code ?? error.message

/**
 * `openLoop` in a process of its own, so work in the caller (an officer's signed requests, say)
 * never delays a request that is due. Options go in on stdin, the result comes back on stdout.
 */
export async function openLoopApart(options: Parameters<typeof openLoop>[0]): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  child.stdin.end(JSON.stringify(options))
  // 'close', not 'exit': stdout is read to its end by then.
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  if (code !== 0) throw new Error(`load client exited with ${code}`)
  return JSON.parse(out) as LoadResult
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let input = ''
  for await (const chunk of process.stdin) input += chunk
  process.stdout.write(JSON.stringify(await openLoop(JSON.parse(input))))
}
