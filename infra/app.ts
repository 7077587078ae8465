/**
 * The CDK app: `npx cdk deploy --all`. Settings come from context (cdk.json or `-c name=value`):
 * stage, region, backupRegion, alarmEmail, canaryUscc, objectionAnswerDays, officerRootCa (a PEM
 * file), domainName with certificateArn (ACM, us-east-1). Three stacks: the WAF ACL in us-east-1, the recovery vault in backupRegion, and Chengxin.
 */
import { readFileSync } from 'node:fs'
import { App } from 'aws-cdk-lib'
import { buildChengxin } from './chengxin-app.js'

const app = new App()
const context = (name: string) => app.node.tryGetContext(name) as string | undefined
const rootCaFile = context('officerRootCa')
await buildChengxin(app, {
  stage: context('stage') ?? 'prod',
  region: context('region') ?? process.env.CDK_DEFAULT_REGION ?? 'ap-east-1',
  backupRegion: context('backupRegion') ?? 'ap-southeast-1',
  ...(process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT } : {}),
  ...(context('alarmEmail') ? { alarmEmail: context('alarmEmail') as string } : {}),
  ...(context('canaryUscc') ? { canaryUscc: context('canaryUscc') as string } : {}),
  ...(context('objectionAnswerDays')
    ? { objectionAnswerDays: context('objectionAnswerDays') as string }
    : {}),
  ...(rootCaFile ? { officerRootCa: readFileSync(rootCaFile, 'utf8') } : {}),
  ...(context('domainName') ? { domainName: context('domainName') as string } : {}),
  ...(context('certificateArn') ? { certificateArn: context('certificateArn') as string } : {}),
})
