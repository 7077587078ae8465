/**
 * What Chengxin keeps: the table (the key schema the code queries, stream for the rating pipeline,
 * PITR, deletion protection, retained, TTL for nonces), the open-data bucket, the KMS signing key,
 * a log bucket, and daily AWS Backup copies to a vault in a second region.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib'
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  BackupVault,
  type IBackupVault,
} from 'aws-cdk-lib/aws-backup'
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { Schedule } from 'aws-cdk-lib/aws-events'
import { Alias, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms'
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { INDEXES, PRIMARY_KEY, TTL_ATTRIBUTE } from '../../shared/store/keys.js'
import { acknowledge, finding } from '../acknowledgements.js'

const attribute = (key: { name: string }) => ({ name: key.name, type: AttributeType.STRING })

/** Recovery objectives the backup plan keeps (docs/deploy.md explains the drill). */
export const RECOVERY = {
  /** Point-in-time recovery: any second of the last 35 days, in the primary region. */
  pitrRpo: '5 minutes',
  /** A daily backup copied to the second region: at most a day lost if the primary region is gone. */
  regionalRpo: '24 hours',
  rto: '4 hours',
} as const

export class Data extends Construct {
  readonly table: TableV2
  readonly openData: Bucket
  readonly logs: Bucket
  readonly signingKey: Key
  readonly backupVault: BackupVault

  constructor(scope: Construct, id: string, props: { drVault?: IBackupVault }) {
    super(scope, id)
    this.table = new TableV2(this, 'Table', {
      partitionKey: attribute(PRIMARY_KEY.partitionKey),
      sortKey: attribute(PRIMARY_KEY.sortKey),
      billing: Billing.onDemand(),
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: Object.entries(INDEXES).map(([indexName, keys]) => ({
        indexName,
        partitionKey: attribute(keys.partitionKey),
        sortKey: attribute(keys.sortKey),
      })),
    })

    // Access logs of the buckets and of CloudFront (which writes with ACLs).
    this.logs = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
    })

    this.openData = new Bucket(this, 'OpenData', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'open-data/',
      lifecycleRules: [
        // Dated folders stay published (the export prunes what it promises to drop); old ones move
        // to cheaper storage, and replaced versions go after 90 days.
        {
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
        },
        { noncurrentVersionExpiration: Duration.days(90) },
      ],
    })

    this.signingKey = new Key(this, 'SigningKey', {
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      description: 'Chengxin: signs rating attestations and open-data manifests (ES256)',
      removalPolicy: RemovalPolicy.RETAIN,
    })
    new Alias(this, 'SigningKeyAlias', {
      aliasName: `alias/${Stack.of(this).stackName}-signing`,
      targetKey: this.signingKey,
    })

    this.backupVault = new BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN })
    const plan = new BackupPlan(this, 'Backups', { backupVault: this.backupVault })
    plan.addRule(
      new BackupPlanRule({
        ruleName: 'daily',
        scheduleExpression: Schedule.cron({ hour: '18', minute: '0' }), // 02:00 China time
        deleteAfter: Duration.days(35),
        ...(props.drVault
          ? { copyActions: [{ destinationBackupVault: props.drVault, deleteAfter: Duration.days(35) }] }
          : {}),
      }),
    )
    const selection = plan.addSelection('Table', { resources: [BackupResource.fromArn(this.table.tableArn)] })
    acknowledge(
      selection,
      [
        finding(
          'IAM4',
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
        ),
      ],
      'AWS Backup’s own service role policy, the one AWS maintains for taking backups of the selected table',
    )
  }
}
