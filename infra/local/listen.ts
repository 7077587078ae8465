/**
 * Starts the HTTP server on 127.0.0.1. An explicit PORT that is taken is an error; the default
 * port, if taken, gives way to a free one.
 */
import type { AddressInfo } from 'node:net'
import type { ServerType } from '@hono/node-server'

type Serve = (options: { port: number }) => ServerType

/** Binds the server on 127.0.0.1 and resolves with the port it got. */
export async function listen(
  serve: Serve,
  ports: { requested: string | undefined; fallback: number },
): Promise<number> {
  const explicit = ports.requested !== undefined && ports.requested !== ''
  const port = explicit ? Number(ports.requested) : ports.fallback
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number (0–65535); got "${ports.requested}"`)
  }
  try {
    return await tryListen(serve, port)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    if (explicit)
      throw new Error(`Port ${port} on 127.0.0.1 is in use: free it, or set PORT to another port.`)
    const other = await tryListen(serve, 0)
    console.log(`Port ${port} is in use; using ${other} instead.`)
    return other
  }
}

function tryListen(serve: Serve, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = serve({ port })
    server.once('error', reject)
    server.once('listening', () => resolve((server.address() as AddressInfo).port))
  })
}
