/**
 * Chengxin's main stack: Data (table, buckets, signing key, backups), Functions, Edge (HTTP API,
 * CloudFront, site bucket) and Ops (alarms, dashboard, canary). The WAF ACL and the backup copy
 * vault live in stacks of their own regions (regional-stacks.ts) and are passed in.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { IBackupVault } from 'aws-cdk-lib/aws-backup'
import type { Construct } from 'constructs'
import type { AssetManifest } from '../../site/pages/layout.js'
import { Data } from './data.js'
import { Edge } from './edge.js'
import { Functions } from './functions.js'
import { Ops } from './ops.js'

export type ChengxinStackProps = StackProps & {
  siteManifest: AssetManifest
  siteAssets: string
  drVault?: IBackupVault
  webAclArn?: string
  wafName?: string
  alarmEmail?: string
  canaryUscc?: string
  objectionAnswerDays?: string
  officerRootCa?: string
  domain?: { name: string; certificateArn: string }
}

export class ChengxinStack extends Stack {
  readonly data: Data
  readonly functions: Functions
  readonly edge: Edge
  readonly ops: Ops

  constructor(scope: Construct, id: string, props: ChengxinStackProps) {
    super(scope, id, props)
    this.data = new Data(this, 'Data', { ...(props.drVault ? { drVault: props.drVault } : {}) })
    this.functions = new Functions(this, 'Functions', {
      table: this.data.table,
      openData: this.data.openData,
      signingKey: this.data.signingKey,
      siteManifest: props.siteManifest,
      ...(props.objectionAnswerDays ? { objectionAnswerDays: props.objectionAnswerDays } : {}),
      ...(props.officerRootCa ? { officerRootCa: props.officerRootCa } : {}),
    })
    const f = this.functions
    this.edge = new Edge(this, 'Edge', {
      api: f.api,
      admin: f.admin,
      openData: this.data.openData,
      logs: this.data.logs,
      siteAssets: props.siteAssets,
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
      ...(props.domain ? { domain: props.domain } : {}),
    })
    this.ops = new Ops(this, 'Ops', {
      httpApi: this.edge.httpApi,
      distribution: this.edge.distribution,
      functions: {
        Api: f.api,
        Admin: f.admin,
        RateStream: f.rateStream,
        RateSweep: f.rateSweep,
        Rerate: f.rerate,
        Export: f.export,
      },
      rateStream: f.rateStream,
      export: f.export,
      streamDlq: f.streamDlq,
      canaryUscc: props.canaryUscc ?? '91440101MA5TEQT04H',
      wafName: props.wafName ?? 'none',
      logs: this.data.logs,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    })
    new CfnOutput(this, 'Url', { value: `https://${this.edge.distribution.distributionDomainName}` })
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName })
    new CfnOutput(this, 'SigningKeyArn', { value: this.data.signingKey.keyArn })
  }
}
