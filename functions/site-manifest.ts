/**
 * The site in a Lambda: pages are rendered by the function, while the built assets (scripts,
 * stylesheet, widget.js) live in the site bucket behind CloudFront. The function only needs their
 * hashed paths, which the stack passes as SITE_MANIFEST (infra/site-assets.ts writes both).
 */
import { ENV, MissingConfigError } from '../shared/config.js'
import type { BuiltSite } from '../site/build.js'
import type { AssetManifest } from '../site/pages/layout.js'

const KEYS: (keyof AssetManifest)[] = ['css', 'search', 'embed', 'widget']

/** The site for a function, or undefined when SITE_MANIFEST is unset (the function serves no pages). */
export function siteFromEnv(env: Record<string, string | undefined>): BuiltSite | undefined {
  const raw = env[ENV.siteManifest.name]
  if (!raw) return undefined
  let manifest: Partial<Record<string, unknown>>
  try {
    manifest = JSON.parse(raw) as Partial<Record<string, unknown>>
  } catch {
    throw new MissingConfigError(`${ENV.siteManifest.name} is not JSON: ${ENV.siteManifest.description}`)
  }
  for (const key of KEYS) {
    const path = manifest[key]
    if (typeof path !== 'string' || !/^\/assets\/[\w.-]+$/.test(path))
      throw new MissingConfigError(`${ENV.siteManifest.name} lacks the ${key} asset path`)
  }
  return { manifest: manifest as AssetManifest, files: new Map() }
}
