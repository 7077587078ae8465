import { App } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { ChengxinStack } from '../../infra/stacks/chengxin-stack.js'
import { createTableInput } from '../../shared/store/ensure-table.js'

describe('CDK stack', () => {
  const template = Template.fromStack(new ChengxinStack(new App(), 'Test'))
  const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))
  const properties = table?.Properties

  it('deploys the table with the key schema and indexes the local runner creates', () => {
    const local = createTableInput('chengxin')
    expect(properties.KeySchema).toEqual(local.KeySchema)
    const deployed = properties.GlobalSecondaryIndexes.map(
      (i: { IndexName: string; KeySchema: unknown }) => ({
        IndexName: i.IndexName,
        KeySchema: i.KeySchema,
      }),
    )
    expect(deployed).toEqual(
      local.GlobalSecondaryIndexes?.map((i) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema })),
    )
    expect(new Set(properties.AttributeDefinitions)).toEqual(new Set(local.AttributeDefinitions))
  })

  it('keeps data safe: PITR, deletion protection, retained on stack delete, and a stream for the rate function', () => {
    expect(properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
    })
    expect(properties.Replicas[0].DeletionProtectionEnabled).toBe(true)
    expect(properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' })
    expect(properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true })
    expect(table?.DeletionPolicy).toBe('Retain')
  })
})
