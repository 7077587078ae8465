/** The stacks of one Chengxin deployment (a stage), wired across regions; app.ts and the tests use it. */
import { join } from 'node:path'
import type { App } from 'aws-cdk-lib'
import { writeSiteAssets } from './site-assets.js'
import { ChengxinStack } from './stacks/chengxin-stack.js'
import { RecoveryStack, WafStack } from './stacks/regional-stacks.js'

export type Deployment = {
  stage: string
  region: string
  backupRegion: string
  account?: string
  alarmEmail?: string
  canaryUscc?: string
  objectionAnswerDays?: string
  officerRootCa?: string
  /** A custom domain and its ACM certificate (in us-east-1); without them, the CloudFront name. */
  domainName?: string
  certificateArn?: string
  /** Where the site assets are written for the site bucket (default .build/site-assets). */
  siteAssets?: string
}

export async function buildChengxin(app: App, d: Deployment) {
  const env = (region: string) => ({ region, ...(d.account ? { account: d.account } : {}) })
  const name = (part: string) => `Chengxin-${d.stage}${part}`
  const siteAssets = d.siteAssets ?? join(process.cwd(), '.build', 'site-assets')
  const siteManifest = await writeSiteAssets(siteAssets)
  const waf = new WafStack(app, name('-Waf'), {
    env: env('us-east-1'),
    crossRegionReferences: true,
    ...(d.alarmEmail ? { alarmEmail: d.alarmEmail } : {}),
  })
  const recovery = new RecoveryStack(app, name('-Recovery'), {
    env: env(d.backupRegion),
    crossRegionReferences: true,
  })
  const main = new ChengxinStack(app, name(''), {
    env: env(d.region),
    crossRegionReferences: true,
    siteManifest,
    siteAssets,
    drVault: recovery.vault,
    webAclArn: waf.webAcl.attrArn,
    wafName: waf.aclName,
    ...(d.alarmEmail ? { alarmEmail: d.alarmEmail } : {}),
    ...(d.canaryUscc ? { canaryUscc: d.canaryUscc } : {}),
    ...(d.objectionAnswerDays ? { objectionAnswerDays: d.objectionAnswerDays } : {}),
    ...(d.officerRootCa ? { officerRootCa: d.officerRootCa } : {}),
    ...(d.domainName && d.certificateArn
      ? { domain: { name: d.domainName, certificateArn: d.certificateArn } }
      : {}),
  })
  return { waf, recovery, main }
}
