/** Chengxin's stack. For now: the table, built from the same key schema the code queries. */
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { Construct } from 'constructs'
import { INDEXES, PRIMARY_KEY, TTL_ATTRIBUTE } from '../../shared/store/keys.js'

const attribute = (key: { name: string }) => ({ name: key.name, type: AttributeType.STRING })

/** The deployable stack; today the table, built from shared/store/keys.ts. */
export class ChengxinStack extends Stack {
  readonly table: TableV2

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props)
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
  }
}
