/**
 * Builds the site's assets with esbuild, in memory: the page scripts, the widget and the stylesheet,
 * minified, under content-hashed names (cached for a year) plus widget.js at its stable address
 * (the one agencies paste). Takes a fraction of a second; `npm start` and the tests build on start.
 */
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { AssetManifest } from './pages/layout.js'

export type Asset = { body: Uint8Array; type: string; immutable: boolean }
export type BuiltSite = { manifest: AssetManifest; files: Map<string, Asset> }

const here = dirname(fileURLToPath(import.meta.url))
const ENTRIES = {
  search: join(here, 'client/search.ts'),
  embed: join(here, 'client/embed.ts'),
  widget: join(here, 'widget/widget.ts'),
  css: join(here, 'style.css'),
} as const

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

export async function buildSite(): Promise<BuiltSite> {
  const result = await build({
    entryPoints: ENTRIES,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'safari15', 'firefox100'],
    legalComments: 'none',
    outdir: 'out',
    write: false,
    metafile: false,
  })
  const files = new Map<string, Asset>()
  const manifest: Partial<AssetManifest> = {}
  for (const out of result.outputFiles) {
    const name = out.path.split('/').pop() as string
    const [base, ext] = [name.replace(/\.[^.]+$/, ''), name.slice(name.lastIndexOf('.'))]
    const hash = createHash('sha256').update(out.contents).digest('hex').slice(0, 12)
    const path = `/assets/${base}.${hash}${ext}`
    const type = TYPES[ext] ?? 'application/octet-stream'
    files.set(path, { body: out.contents, type, immutable: true })
    manifest[base as keyof AssetManifest] = path
    if (base === 'widget') files.set('/widget.js', { body: out.contents, type, immutable: false })
  }
  for (const key of Object.keys(ENTRIES) as (keyof AssetManifest)[]) {
    if (!manifest[key]) throw new Error(`site build produced no ${key}`)
  }
  return { manifest: manifest as AssetManifest, files }
}
