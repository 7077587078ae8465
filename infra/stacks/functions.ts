/**
 * Chengxin's functions, each with only the access it needs:
 * - api: the public API and pages; reads the table and the open-data bucket, signs attestations;
 * - admin: the signed admin API and public objections; the only function people's requests reach
 *   that writes the table;
 * - rateStream: re-rates an agency when its records change (the table's stream; failures bisected,
 *   retried, then parked in a dead-letter queue);
 * - rateSweep: hourly, re-rates agencies whose rating falls due;
 * - rerate: on demand, re-rates everyone (resumable);
 * - export: daily, publishes the signed open data.
 */
import { Duration, Stack } from 'aws-cdk-lib'
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { Key } from 'aws-cdk-lib/aws-kms'
import { StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import type { Bucket } from 'aws-cdk-lib/aws-s3'
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler'
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { ENV } from '../../shared/config.js'
import type { AssetManifest } from '../../site/pages/layout.js'
import { acknowledge, arnOf, finding } from '../acknowledgements.js'
import { ChengxinFunction } from '../constructs/chengxin-function.js'

export type FunctionsProps = {
  table: TableV2
  openData: Bucket
  signingKey: Key
  siteManifest: AssetManifest
  /** Calendar days to answer an objection (unset: the provisional default). */
  objectionAnswerDays?: string
  /** PEM of the root CA officer certificates chain to. */
  officerRootCa?: string
}

export class Functions extends Construct {
  readonly api: ChengxinFunction
  readonly admin: ChengxinFunction
  readonly rateStream: ChengxinFunction
  readonly rateSweep: ChengxinFunction
  readonly rerate: ChengxinFunction
  readonly export: ChengxinFunction
  readonly streamDlq: Queue

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id)
    const { table, openData, signingKey } = props
    const site: Record<string, string> = { [ENV.siteManifest.name]: JSON.stringify(props.siteManifest) }
    const objections: Record<string, string> = props.objectionAnswerDays
      ? { [ENV.objectionAnswerDays.name]: props.objectionAnswerDays }
      : {}

    this.api = new ChengxinFunction(this, 'Api', {
      entry: 'api/handler.ts',
      handler: 'handler',
      description: 'Chengxin public API and pages (reads only)',
      environment: { ...site, ...objections },
    })
      .bindTable(table, 'read')
      .bindOpenData(openData, 'read')
      .bindSigner(signingKey)

    this.admin = new ChengxinFunction(this, 'Admin', {
      entry: 'admin/handler.ts',
      handler: 'handler',
      description: 'Chengxin signed admin API and public objections (writes records, objections, audit)',
      environment: {
        ...site,
        ...objections,
        ...(props.officerRootCa
          ? { [ENV.officerRootCa.name]: props.officerRootCa }
          : ({} as Record<string, string>)),
      },
    }).bindTable(table, 'write')

    this.streamDlq = new Queue(this, 'RateStreamDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    this.rateStream = new ChengxinFunction(this, 'RateStream', {
      entry: 'rate/handler.ts',
      handler: 'stream',
      description: 'Chengxin: re-rates agencies whose records changed (table stream)',
      timeout: Duration.minutes(1),
    }).bindTable(table, 'write')
    this.rateStream.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.streamDlq),
      }),
    )

    this.rateSweep = new ChengxinFunction(this, 'RateSweep', {
      entry: 'rate/handler.ts',
      handler: 'sweep',
      description: 'Chengxin: re-rates agencies whose rating falls due (hourly)',
      timeout: Duration.minutes(15),
    }).bindTable(table, 'write')
    new Schedule(this, 'SweepSchedule', {
      schedule: ScheduleExpression.rate(Duration.hours(1)),
      target: new LambdaInvoke(this.rateSweep, {}),
      description: 'Chengxin hourly sweep of due ratings',
    })

    this.rerate = new ChengxinFunction(this, 'Rerate', {
      entry: 'rate/handler.ts',
      handler: 'rerate',
      description: 'Chengxin: re-rates every agency, resumably (run on demand)',
      timeout: Duration.minutes(15),
    }).bindTable(table, 'write')

    this.export = new ChengxinFunction(this, 'Export', {
      entry: 'export/handler.ts',
      handler: 'handler',
      description: 'Chengxin: publishes the signed open data (daily)',
      memorySize: 2048,
      timeout: Duration.minutes(15),
    })
      .bindTable(table, 'read')
      .bindOpenData(openData, 'write')
      .bindSigner(signingKey)
    new Schedule(this, 'ExportSchedule', {
      // 03:00 China time, after the 02:00 backup.
      schedule: ScheduleExpression.cron({ hour: '19', minute: '0' }),
      target: new LambdaInvoke(this.export, { retryAttempts: 2 }),
      description: 'Chengxin daily open-data export',
    })
    acknowledge(
      this.streamDlq,
      [finding('SQS3')],
      'This queue is itself the dead-letter queue of the rating stream',
    )
    // The scheduler's roles may invoke any version of their one function.
    for (const child of Stack.of(this).node.children)
      if (child.node.id.startsWith('SchedulerRoleForTarget'))
        acknowledge(
          child,
          [this.rateSweep, this.export].map((fn) => finding('IAM5', `Resource::${arnOf(fn)}:*`)),
          'EventBridge Scheduler invokes the function; :* covers its versions and aliases, not other functions',
        )
  }
}
