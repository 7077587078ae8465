/**
 * Where published files go: a port with a filesystem adapter (local, `.data/open-data/`) and an S3
 * adapter (s3-blob-store.ts). A file appears whole or not at all: the filesystem adapter writes to a
 * temporary name and renames; S3 makes an object visible only once it is complete.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'

export type BlobStore = {
  /** Stores a file under `key` from a local path. */
  putFile(key: string, path: string, contentType: string): Promise<void>
  /** The bytes under `key`, or undefined. */
  get(key: string): Promise<Uint8Array | undefined>
  /** Every key under `prefix`. */
  list(prefix: string): Promise<string[]>
  delete(keys: readonly string[]): Promise<void>
}

/** Keys are relative paths: no leading slash, no `..`, nothing odd. */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(key) || key.split('/').includes('..')) {
    throw new Error(`Not a valid blob key: ${JSON.stringify(key)}`)
  }
  return key
}

export function fsBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => join(root, ...checkKey(key).split('/'))
  return {
    async putFile(key, path) {
      const target = pathOf(key)
      await mkdir(dirname(target), { recursive: true })
      const temp = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`
      await pipeline(createReadStream(path), createWriteStream(temp))
      await rename(temp, target)
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },
    async list(prefix) {
      const keys: string[] = []
      const walk = async (dir: string) => {
        let names: string[]
        try {
          names = await readdir(dir)
        } catch {
          return
        }
        for (const name of names) {
          const full = join(dir, name)
          if ((await stat(full)).isDirectory()) await walk(full)
          else if (!name.includes('.tmp-')) keys.push(relative(root, full).split(sep).join('/'))
        }
      }
      await walk(root)
      return keys.filter((k) => k.startsWith(prefix)).sort()
    },
    async delete(keys) {
      await Promise.all(keys.map((k) => rm(pathOf(k), { force: true })))
      // Folders left empty go too (a dated folder, once pruned).
      for (const dir of new Set(keys.map((k) => dirname(pathOf(k))))) await rmdir(dir).catch(() => {})
    },
  }
}
