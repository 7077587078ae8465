/**
 * The site's built assets as files, for the site bucket: `assets/<name>.<hash>.<ext>` (immutable)
 * and `widget.js` (the address agencies paste). The same build `npm start` serves from memory.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { buildSite } from '../site/build.js'
import type { AssetManifest } from '../site/pages/layout.js'

export async function writeSiteAssets(dir: string): Promise<AssetManifest> {
  const site = await buildSite()
  rmSync(dir, { recursive: true, force: true })
  for (const [path, asset] of site.files) {
    const file = join(dir, path.replace(/^\//, ''))
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, asset.body)
  }
  return site.manifest
}
