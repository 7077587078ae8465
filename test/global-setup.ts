/** One DynamoDB Local (in memory) for the whole test run; each test file makes its own tables. */
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.js'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
  }
}

export default async function setup(project: TestProject) {
  const db = await startDynamoDbLocal()
  project.provide('dynamoEndpoint', db.endpoint)
  return () => db.stop()
}
