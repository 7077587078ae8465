/** A publication to verify, read from a folder (the export's own, or a download) or from a URL. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MANIFEST } from './package.js'
import { folderOf, type PublicationSource } from './verify.js'

async function readOrUndefined(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** A folder holding latest.json (its newest publication is read) or a publication's own folder. */
export async function folderSource(dir: string): Promise<PublicationSource> {
  const manifest = await readOrUndefined(join(dir, MANIFEST))
  const folder = manifest ? join(dir, folderOf(manifest)) : dir
  return {
    describe: folder,
    read: (name) => readOrUndefined(join(folder, name)),
    ...(manifest ? { manifest } : {}),
  }
}

/** A base URL serving latest.json and the dated folders. */
export async function urlSource(base: string): Promise<PublicationSource> {
  const root = base.endsWith('/') ? base : `${base}/`
  const get = async (url: string) => {
    const res = await fetch(url)
    if (res.status === 404) return undefined
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    return new Uint8Array(await res.arrayBuffer())
  }
  const manifest = await get(`${root}${MANIFEST}`)
  const folder = manifest ? `${root}${folderOf(manifest)}` : root
  return { describe: folder, read: (name) => get(`${folder}${name}`), ...(manifest ? { manifest } : {}) }
}

export const openPublication = (target: string) =>
  /^https?:\/\//.test(target) ? urlSource(target) : folderSource(target)
