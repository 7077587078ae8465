/**
 * Watching Chengxin: alarms to an SNS topic (email from context) on requests failing, latency,
 * function errors and throttles, the stream's iterator age, the dead-letter queue, the daily export
 * (WAF blocks alarm in the WAF's own stack); one dashboard with the same figures; and a canary that looks an agency and its
 * badge up every 5 minutes through CloudFront, as a visitor would.
 */
import { Duration } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront'
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Canary, Code, Runtime, Schedule, Test } from 'aws-cdk-lib/aws-synthetics'
import { Construct } from 'constructs'
import { acknowledge, arnOf, finding, where } from '../acknowledgements.js'
import type { ChengxinFunction } from '../constructs/chengxin-function.js'

export type OpsProps = {
  httpApi: HttpApi
  distribution: Distribution
  functions: Record<string, ChengxinFunction>
  rateStream: ChengxinFunction
  export: ChengxinFunction
  streamDlq: Queue
  alarmEmail?: string
  /** A USCC on the register the canary looks up. */
  canaryUscc: string
  /** Name of the WAF web ACL (its metrics are keyed by it). */
  wafName: string
  /** Where the canary's artifacts bucket logs its access. */
  logs: IBucket
}

/** The canary's script: the agency's JSON and its badge, through the public address. */
export function canaryScript(uscc: string): string {
  return `const synthetics = require('Synthetics');
const https = require('https');
const get = (path) => new Promise((resolve, reject) => {
  https.get({ hostname: process.env.SITE_HOST, path, timeout: 10000 }, (res) => {
    let body = '';
    res.on('data', (c) => { body += c; });
    res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] || '', body }));
  }).on('error', reject);
});
exports.handler = async () => {
  const agency = await get('/v1/agencies/${uscc}');
  if (agency.status !== 200 || !JSON.parse(agency.body).grade) throw new Error('agency lookup failed: ' + agency.status);
  const badge = await get('/v1/agencies/${uscc}/badge.svg');
  if (badge.status !== 200 || !badge.type.startsWith('image/svg+xml')) throw new Error('badge failed: ' + badge.status);
  synthetics.getLogger().info('agency and badge ok');
};`
}

export class Ops extends Construct {
  readonly topic: Topic
  readonly alarms: Alarm[] = []
  readonly dashboard: Dashboard
  readonly canary: Canary

  constructor(scope: Construct, id: string, props: OpsProps) {
    super(scope, id)
    this.topic = new Topic(this, 'Alarms', { displayName: 'Chengxin alarms', enforceSSL: true })
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail))

    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      })
      a.addAlarmAction(new SnsAction(this.topic))
      this.alarms.push(a)
      return a
    }
    const five = Duration.minutes(5)
    const api = props.httpApi
    const requests = api.metricCount({ period: five })
    const errors4xx = api.metricClientError({ period: five })
    const errors5xx = api.metricServerError({ period: five })
    const latency = api.metricLatency({ period: five, statistic: 'p99' })
    alarm('Api5xx', errors5xx, 5, 'The API answered 5 or more 5xx in 5 minutes')
    alarm('Api4xxSurge', errors4xx, 2000, 'Over 2,000 4xx in 5 minutes: a scan or a broken client')
    alarm('ApiLatencyP99', latency, 1000, 'API p99 latency at or over 1 s')

    const fnWidgets: IMetric[][] = [[], [], []]
    for (const [name, fn] of Object.entries(props.functions)) {
      const errs = fn.metricErrors({ period: five })
      const throttles = fn.metricThrottles({ period: five })
      const duration = fn.metricDuration({ period: five, statistic: 'p99' })
      alarm(`${name}Errors`, errs, 1, `${name}: a function error`)
      alarm(`${name}Throttles`, throttles, 1, `${name}: throttled`)
      fnWidgets[0]?.push(errs)
      fnWidgets[1]?.push(throttles)
      fnWidgets[2]?.push(duration)
    }
    const iteratorAge = new Metric({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      dimensionsMap: { FunctionName: props.rateStream.functionName },
      statistic: 'Maximum',
      period: five,
    })
    alarm('StreamIteratorAge', iteratorAge, 60_000, 'Rating changes are a minute or more behind the records')
    const dlqDepth = props.streamDlq.metricApproximateNumberOfMessagesVisible({ period: five })
    alarm('StreamDlq', dlqDepth, 1, 'A stream batch failed every retry and waits in the dead-letter queue')
    const exportErrors = props.export.metricErrors({ period: Duration.days(1) })
    const exportRuns = props.export.metricInvocations({ period: Duration.days(1) })
    new Alarm(this, 'ExportMissing', {
      metric: exportRuns,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
      alarmDescription: 'No open-data export ran in a day',
    }).addAlarmAction(new SnsAction(this.topic))
    const wafBlocks = new Metric({
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensionsMap: { WebACL: props.wafName, Rule: 'ALL' },
      region: 'us-east-1',
      statistic: 'Sum',
      period: five,
    })
    // Its alarm lives beside the ACL in us-east-1 (WafStack): alarms cannot watch another region.

    const artifacts = new Bucket(this, 'CanaryArtifacts', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 'canary/',
      lifecycleRules: [{ expiration: Duration.days(30) }],
    })
    this.canary = new Canary(this, 'Canary', {
      artifactsBucketLocation: { bucket: artifacts },
      schedule: Schedule.rate(Duration.minutes(5)),
      runtime: Runtime.SYNTHETICS_NODEJS_PUPPETEER_9_1,
      test: Test.custom({ code: Code.fromInline(canaryScript(props.canaryUscc)), handler: 'index.handler' }),
      environmentVariables: { SITE_HOST: props.distribution.distributionDomainName },
      startAfterCreation: true,
    })
    const { account, region } = where(this)
    acknowledge(
      this.canary,
      [
        finding('IAM5', 'Resource::*'),
        finding('IAM5', `Resource::${arnOf(artifacts)}/*`),
        finding(
          'IAM5',
          `Resource::arn:<AWS::Partition>:logs:${region}:${account}:log-group:/aws/lambda/cwsyn-*`,
        ),
      ],
      'CloudWatch Synthetics’ own role and artifacts bucket: it writes its run artifacts and logs, and its metrics (PutMetricData accepts no resource but *)',
    )
    const canaryFailed = this.canary.metricSuccessPercent({ period: Duration.minutes(15) })
    new Alarm(this, 'CanaryFailing', {
      metric: canaryFailed,
      threshold: 100,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
      alarmDescription: 'The canary could not look up an agency and its badge',
    }).addAlarmAction(new SnsAction(this.topic))

    this.dashboard = new Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new GraphWidget({ title: 'Requests', left: [requests] }),
          new GraphWidget({ title: '4xx / 5xx', left: [errors4xx, errors5xx] }),
          new GraphWidget({ title: 'p99 latency (ms)', left: [latency] }),
        ],
        [
          new GraphWidget({ title: 'Function errors', left: fnWidgets[0] ?? [] }),
          new GraphWidget({ title: 'Throttles', left: fnWidgets[1] ?? [] }),
          new GraphWidget({ title: 'p99 duration (ms)', left: fnWidgets[2] ?? [] }),
        ],
        [
          new GraphWidget({ title: 'Stream iterator age (ms)', left: [iteratorAge] }),
          new GraphWidget({ title: 'Dead-letter queue', left: [dlqDepth] }),
          new GraphWidget({ title: 'Export runs / errors', left: [exportRuns, exportErrors] }),
          new GraphWidget({ title: 'WAF blocked', left: [wafBlocks] }),
          new GraphWidget({ title: 'Canary success %', left: [canaryFailed] }),
        ],
      ],
    })
  }
}
