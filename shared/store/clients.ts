/** DynamoDB clients. Locally they point at DynamoDB Local over loopback with dummy credentials. */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

/** Dummy credentials for DynamoDB Local (alphanumeric access key, as it requires). */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' }

export type Clients = { client: DynamoDBClient; documentClient: DynamoDBDocumentClient }

/** Builds the clients once per process; `endpoint` set means DynamoDB Local. */
export function createClients(endpoint?: string, overrides: DynamoDBClientConfig = {}): Clients {
  const client = endpoint
    ? new DynamoDBClient({
        endpoint,
        region: 'local',
        credentials: LOCAL_CREDENTIALS,
        maxAttempts: 5,
        ...overrides,
      })
    : new DynamoDBClient(overrides)
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  })
  return { client, documentClient }
}
