/**
 * The CDK app synthesizes offline with every function bundled by the local esbuild (never Docker),
 * each bundle an ES module that exports the handler its function names.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App } from 'aws-cdk-lib'
import { describe, expect, it } from 'vitest'
import { buildChengxin } from '../../infra/chengxin-app.js'

describe('cdk synth', () => {
  it('bundles all six functions, each exporting its handler', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'chengxin-synth-'))
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['Chengxin-ci'] } })
    const { main } = await buildChengxin(app, {
      stage: 'ci',
      region: 'ap-east-1',
      backupRegion: 'ap-southeast-1',
      siteAssets: join(outdir, 'site-assets'),
    })
    const assembly = app.synth()
    const template = assembly.getStackByName(main.stackName).template as {
      Resources: Record<
        string,
        // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read field by field
        { Type: string; Properties: Record<string, any>; Metadata?: Record<string, string> }
      >
    }
    const functions = Object.values(template.Resources).filter(
      (r) =>
        r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    )
    expect(functions).toHaveLength(6)
    for (const fn of functions) {
      const asset = `asset.${(fn.Properties.Code.S3Key as string).replace(/\.zip$/, '')}`
      const code = readFileSync(join(outdir, asset, 'index.mjs'), 'utf8')
      expect(existsSync(join(outdir, asset, 'index.mjs.map'))).toBe(true)
      const exported = (fn.Properties.Handler as string).split('.')[1] as string
      expect(code).toMatch(
        new RegExp(`export\\s*\\{[^}]*\\bas ${exported}\\b|export\\s*\\{[^}]*\\b${exported}\\b`),
      )
    }
    // The site's assets are staged for the site bucket under the paths the pages name.
    const manifest = JSON.parse(
      functions[0]?.Properties.Environment.Variables.SITE_MANIFEST ?? '{}',
    ) as Record<string, string>
    for (const path of Object.values(manifest))
      expect(existsSync(join(outdir, 'site-assets', path))).toBe(true)
  }, 60_000)
})
