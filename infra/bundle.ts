/**
 * How a Lambda is bundled: the esbuild options the CDK stack deploys with and the tests and benches
 * bundle with, so what is measured and tested is what runs.
 */
import { type BuildOptions, build } from 'esbuild'

/** ESM for Node.js 22; the SDK's ESM build (see stack-notes.md traps 10 and 11); the runtime's AWS SDK. */
export const LAMBDA_BUNDLING = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  external: ['@aws-sdk/*'],
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
} as const satisfies BuildOptions

/** Bundles one function entry to `outfile` (an .mjs file); returns its size in bytes. */
export async function bundleFunction(entry: string, outfile: string): Promise<number> {
  const result = await build({ ...LAMBDA_BUNDLING, entryPoints: [entry], outfile, metafile: true })
  return Object.values(result.metafile.outputs).reduce((total, o) => total + o.bytes, 0)
}
