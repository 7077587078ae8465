/** Streams to files (optionally gzipped) that respect backpressure, and digests of finished files. */
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { createGzip, type Gzip } from 'node:zlib'

export type Sink = { write(text: string): Promise<void>; end(): Promise<void> }

/** Text is gathered into pieces this large before it goes to the stream (fewer, larger writes). */
const BATCH_CHARS = 32 * 1024

/** A text sink to `path`, gzipped when `gzip` is set. */
export function fileSink(path: string, gzip = false): Sink {
  const file: WriteStream = createWriteStream(path, { highWaterMark: 1 << 16 })
  const zip: Gzip | undefined = gzip ? createGzip({ level: 6, chunkSize: 1 << 16 }) : undefined
  if (zip) zip.pipe(file)
  const head: Writable = zip ?? file
  let failed: Error | undefined
  head.on('error', (e) => {
    failed = e
  })
  file.on('error', (e) => {
    failed = e
  })
  let pending: string[] = []
  let size = 0
  const flush = async () => {
    if (failed) throw failed
    if (size === 0) return
    const chunk = pending.join('')
    pending = []
    size = 0
    if (!head.write(chunk)) await once(head, 'drain')
  }
  return {
    async write(text) {
      pending.push(text)
      size += text.length
      if (size >= BATCH_CHARS) await flush()
    },
    async end() {
      await flush()
      const closed = once(file, 'close')
      head.end()
      await closed
      if (failed) throw failed
    },
  }
}

/** Several sinks written together. */
export function teeSink(...sinks: Sink[]): Sink {
  return {
    write: async (text) => {
      await Promise.all(sinks.map((s) => s.write(text)))
    },
    end: async () => {
      await Promise.all(sinks.map((s) => s.end()))
    },
  }
}

/** Size in bytes and sha256 (hex) of a file, read as a stream. */
export async function digestFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { bytes, sha256: hash.digest('hex') }
}
