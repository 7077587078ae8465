/**
 * The one way Chengxin makes a Lambda: Node.js 22 on arm64, bundled by the local esbuild with the
 * same options the tests and benches bundle with (infra/bundle.ts; never Docker), source maps on,
 * X-Ray tracing, a log group with a retention, Powertools settings. Access is granted only through
 * the bind methods, each naming what the function may do, and each passing the matching setting.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda'
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import { ENV } from '../../shared/config.js'
import {
  acknowledge,
  arnOf,
  finding,
  LAMBDA_LOGS_POLICY,
  LAMBDA_LOGS_REASON,
  S3_READ,
  S3_WRITE,
} from '../acknowledgements.js'
import { LAMBDA_BUNDLING } from '../bundle.js'

/** Where the open data sits in its bucket, the same as its path on the site. */
export const OPEN_DATA_PREFIX = 'open-data/'

export type ChengxinFunctionProps = {
  /** Source file under functions/, e.g. 'api/handler.ts'. */
  entry: string
  /** The exported handler, e.g. 'handler' or 'stream'. */
  handler: string
  /** What it does, shown in the console. */
  description: string
  memorySize?: number
  timeout?: Duration
  environment?: Record<string, string>
}

export class ChengxinFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ChengxinFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    super(scope, id, {
      entry: new URL(`../../functions/${props.entry}`, import.meta.url).pathname,
      handler: props.handler,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: `chengxin-${id.toLowerCase()}`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: true,
        externalModules: [...LAMBDA_BUNDLING.external],
        banner: LAMBDA_BUNDLING.banner.js,
        forceDockerBundling: false,
      },
    })
    acknowledge(this, [LAMBDA_LOGS_POLICY], LAMBDA_LOGS_REASON)
    acknowledge(
      this,
      [finding('IAM5', 'Resource::*')],
      'X-Ray tracing: xray:PutTraceSegments and PutTelemetryRecords accept no resource but *',
    )
    acknowledge(
      this,
      [finding('L1')],
      'Node.js 22 on purpose: the runtime the code is built and tested for (infra/bundle.ts targets node22)',
    )
  }

  /** Reads the table ('read') or also writes it ('write'); names it in TABLE_NAME. */
  bindTable(table: ITableV2, access: 'read' | 'write'): this {
    if (access === 'write') table.grantReadWriteData(this)
    else table.grantReadData(this)
    acknowledge(
      this,
      [finding('IAM5', `Resource::${arnOf(table)}/index/*`)],
      'The grant covers the table’s own indexes (search, queues, due ratings), not other tables',
    )
    this.addEnvironment(ENV.tableName.name, table.tableName)
    return this
  }

  /** Signs with the KMS key (attestations, open-data manifests); names it in SIGNING_KEY_ID. */
  bindSigner(key: IKey): this {
    key.grant(this, 'kms:Sign', 'kms:GetPublicKey', 'kms:DescribeKey')
    this.addEnvironment(ENV.signingKeyId.name, key.keyArn)
    return this
  }

  /** Reads ('read') or publishes to ('write') the open-data bucket; names it in OPEN_DATA_BUCKET. */
  bindOpenData(bucket: IBucket, access: 'read' | 'write'): this {
    if (access === 'write') bucket.grantReadWrite(this)
    else bucket.grantRead(this)
    acknowledge(
      this,
      [...S3_READ, ...(access === 'write' ? S3_WRITE : []), finding('IAM5', `Resource::${arnOf(bucket)}/*`)],
      'CDK’s bucket grant: object actions on this one bucket’s objects (the export writes dated folders and prunes old ones)',
    )
    this.addEnvironment(ENV.openDataBucket.name, bucket.bucketName)
    // Under the path CloudFront serves them at: /open-data/* → s3://bucket/open-data/*.
    this.addEnvironment(ENV.openDataPrefix.name, OPEN_DATA_PREFIX)
    return this
  }
}
