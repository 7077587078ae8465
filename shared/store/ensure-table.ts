/** Creates the table and its indexes from the shared key schema, where it does not exist yet (local runs and tests). */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb'
import { INDEXES, keyAttributes, PRIMARY_KEY, TTL_ATTRIBUTE } from './keys.js'

/** The CreateTable request for Chengxin's table: on-demand, streams with old and new images. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes().map((a) => ({ AttributeName: a.name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: PRIMARY_KEY.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: PRIMARY_KEY.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.entries(INDEXES).map(([name, keys]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: keys.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: keys.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }
}

/** Creates the table unless it exists; returns true when it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }))
    return false
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)))
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName })
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  )
  return true
}

/** Drops the table if it exists and creates it empty (local use only: this deletes everything). */
export async function resetTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }))
    await waitUntilTableNotExists({ client, maxWaitTime: 60 }, { TableName: tableName })
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  await ensureTable(client, tableName)
}
