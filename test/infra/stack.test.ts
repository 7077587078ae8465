/**
 * The CDK app's promises, checked on the synthesized templates (no AWS account needed): data kept
 * safe, least access, the stream's failure handling, backups to another region, the signing key,
 * WAF, headers, alarms on every metric, and cdk-nag's AwsSolutions checks with every finding
 * acknowledged in code with a reason.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App, Validations } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import type { Policy } from 'aws-cdk-lib/aws-iam'
import { AwsSolutionsChecks } from 'cdk-nag'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildChengxin } from '../../infra/chengxin-app.js'
import type { ChengxinFunction } from '../../infra/constructs/chengxin-function.js'
import { EMBED_CSP } from '../../infra/stacks/edge.js'
import { createTableInput } from '../../shared/store/ensure-table.js'
import { PAGE_CSP } from '../../site/pages/layout.js'

let stacks: Awaited<ReturnType<typeof buildChengxin>>
let main: Template
let outdir: string

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'chengxin-cdk-'))
  // Bundling is proved by `npm run synth` (and the bundle tests); here the templates are what count.
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } })
  stacks = await buildChengxin(app, {
    stage: 'test',
    region: 'ap-east-1',
    backupRegion: 'ap-southeast-1',
    account: '123456789012',
    alarmEmail: 'ops@example.com',
    siteAssets: join(outdir, 'site-assets'),
  })
  main = Template.fromStack(stacks.main)
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
  try {
    app.synth({ force: true })
  } catch {
    // A failed validation is read from the report (the cdk-nag test).
  }
}, 60_000)

const ofType = (template: Template, type: string) => Object.values(template.findResources(type))

describe('data', () => {
  it('deploys the table with the key schema and indexes the local runner creates', () => {
    const [table] = ofType(main, 'AWS::DynamoDB::GlobalTable')
    const local = createTableInput('chengxin')
    expect(table?.Properties.KeySchema).toEqual(local.KeySchema)
    expect(
      table?.Properties.GlobalSecondaryIndexes.map((i: { IndexName: string; KeySchema: unknown }) => ({
        IndexName: i.IndexName,
        KeySchema: i.KeySchema,
      })),
    ).toEqual(local.GlobalSecondaryIndexes?.map((i) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema })))
  })

  it('keeps data safe: PITR, deletion protection, retained, a stream, TTL for nonces', () => {
    const [table] = ofType(main, 'AWS::DynamoDB::GlobalTable')
    expect(table?.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
    })
    expect(table?.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true)
    expect(table?.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' })
    expect(table?.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true })
    expect(table?.DeletionPolicy).toBe('Retain')
  })

  it('backs the table up daily and copies each backup to a vault in the other region', () => {
    main.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 18 * * ? *)',
            CopyActions: [Match.objectLike({ DestinationBackupVaultArn: Match.anyValue() })],
          }),
        ],
      },
    })
    expect(stacks.recovery.region).toBe('ap-southeast-1')
    expect(stacks.recovery.region).not.toBe(stacks.main.region)
    Template.fromStack(stacks.recovery).resourceCountIs('AWS::Backup::BackupVault', 1)
  })

  it('has an asymmetric P-256 signing key, and buckets that are private, encrypted and versioned', () => {
    main.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })
    main.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/Chengxin-test-signing' })
    for (const bucket of ofType(main, 'AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toMatchObject({
        BlockPublicAcls: true,
        RestrictPublicBuckets: true,
      })
      expect(bucket.Properties.BucketEncryption).toBeDefined()
    }
  })
})

describe('functions', () => {
  const ours = () =>
    ofType(main, 'AWS::Lambda::Function').filter(
      (f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    )
  const actionsOf = (fn: ChengxinFunction): string[] => {
    const policy = fn.role?.node.tryFindChild('DefaultPolicy') as Policy | undefined
    const doc = stacks.main.resolve(policy?.document.toJSON()) as {
      Statement: { Action: string | string[] }[]
    }
    return doc.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
  }

  it('runs every function on Node.js 22, arm64, traced, with source maps', () => {
    expect(ours()).toHaveLength(6)
    for (const f of ours()) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      })
      expect(f.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps')
    }
  })

  it('grants least access: the public API cannot write the table; only the signers may sign', () => {
    const f = stacks.main.functions
    const writes = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/
    expect(actionsOf(f.api).filter((a) => writes.test(a))).toEqual([])
    expect(actionsOf(f.api)).toContain('dynamodb:Query')
    expect(actionsOf(f.admin).filter((a) => writes.test(a)).length).toBeGreaterThan(0)
    for (const fn of [f.api, f.export]) expect(actionsOf(fn)).toContain('kms:Sign')
    for (const fn of [f.admin, f.rateStream, f.rateSweep, f.rerate])
      expect(actionsOf(fn)).not.toContain('kms:Sign')
    expect(actionsOf(f.api).filter((a) => /^s3:(Put|Delete)/.test(a))).toEqual([])
    expect(actionsOf(f.export)).toContain('s3:PutObject')
  })

  it('takes the stream with bisection, limited retries and a dead-letter queue', () => {
    main.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    })
  })

  it('schedules the hourly sweep and the daily export', () => {
    main.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 hour)' })
    main.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 19 * * ? *)' })
  })
})

describe('edge', () => {
  it('puts WAF in front, with a rate limit and AWS managed rules', () => {
    const [cdn] = ofType(main, 'AWS::CloudFront::Distribution')
    expect(cdn?.Properties.DistributionConfig.WebACLId).toBeDefined()
    const waf = Template.fromStack(stacks.waf)
    expect(stacks.waf.region).toBe('us-east-1')
    const [acl] = ofType(waf, 'AWS::WAFv2::WebACL')
    expect(acl?.Properties.Scope).toBe('CLOUDFRONT')
    const rules = acl?.Properties.Rules as { Statement: Record<string, { Name?: string; Limit?: number }> }[]
    expect(
      rules.map((r) => r.Statement.RateBasedStatement?.Limit ?? r.Statement.ManagedRuleGroupStatement?.Name),
    ).toEqual([
      3000,
      100,
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesAmazonIpReputationList',
    ])
  })

  it('routes the API, admin, open data and assets, and keeps access logs', () => {
    const [cdn] = ofType(main, 'AWS::CloudFront::Distribution')
    const config = cdn?.Properties.DistributionConfig
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(
      ['/assets/*', '/embed/card/*', '/open-data/*', '/v1/*', '/v1/admin/*', '/widget.js'].sort(),
    )
    expect(config.Logging).toBeDefined()
    main.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2)
    main.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /v1/admin/{proxy+}' })
    main.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /v1/objections' })
    main.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    })
  })

  it('adds HSTS, nosniff, a strict CSP and frame denial; the embeddable card alone may be framed', () => {
    main.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63_072_000,
            IncludeSubdomains: true,
            Preload: true,
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: { ContentSecurityPolicy: PAGE_CSP, Override: false },
        }),
      },
    })
    const embed = ofType(main, 'AWS::CloudFront::ResponseHeadersPolicy').find(
      (p) =>
        p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy
          .ContentSecurityPolicy === EMBED_CSP,
    )
    expect(embed?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.FrameOptions).toBeUndefined()
    expect(EMBED_CSP).toContain('frame-ancestors *')
  })
})

describe('ops', () => {
  it('alarms on every metric that matters, each to the alarm topic', () => {
    const alarms = [
      ...ofType(main, 'AWS::CloudWatch::Alarm'),
      ...ofType(Template.fromStack(stacks.waf), 'AWS::CloudWatch::Alarm'),
    ]
    for (const a of alarms) expect(a.Properties.AlarmActions).toHaveLength(1)
    const watched = alarms.map((a) => `${a.Properties.Namespace}/${a.Properties.MetricName}`)
    for (const metric of [
      'AWS/ApiGateway/5xx',
      'AWS/ApiGateway/4xx',
      'AWS/ApiGateway/Latency',
      'AWS/Lambda/IteratorAge',
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
      'AWS/Lambda/Invocations',
      'CloudWatchSynthetics/SuccessPercent',
      'AWS/WAFV2/BlockedRequests',
    ])
      expect(watched).toContain(metric)
    expect(watched.filter((w) => w === 'AWS/Lambda/Errors')).toHaveLength(6)
    expect(watched.filter((w) => w === 'AWS/Lambda/Throttles')).toHaveLength(6)
    main.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' })
    main.resourceCountIs('AWS::CloudWatch::Dashboard', 1)
  })

  it('runs a canary every 5 minutes that looks up an agency and its badge', () => {
    main.hasResourceProperties('AWS::Synthetics::Canary', {
      Schedule: Match.objectLike({ Expression: 'rate(5 minutes)' }),
      Code: Match.objectLike({ Script: Match.stringLikeRegexp('badge\\.svg') }),
    })
  })
})

describe('cdk-nag', () => {
  it('finds nothing unacknowledged, and every acknowledgement gives a reason', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[]
      }[]
    }
    const open = report.pluginReports.flatMap((p) =>
      p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)),
    )
    expect(open).toEqual([])
    const reasons = Object.values(stacks)
      .flatMap((s) => s.node.findAll())
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.values(m.data as Record<string, string>))
    expect(reasons.length).toBeGreaterThan(10)
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(30)
  })
})
