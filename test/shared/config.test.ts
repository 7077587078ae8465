import { describe, expect, it } from 'vitest'
import { loadConfig, MissingConfigError } from '../../shared/config.js'

describe('loadConfig', () => {
  it('reads the table name and the optional local endpoint', () => {
    expect(loadConfig({ TABLE_NAME: 't' })).toEqual({ tableName: 't' })
    expect(loadConfig({ TABLE_NAME: 't', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1' })).toEqual({
      tableName: 't',
      dynamodbEndpoint: 'http://127.0.0.1:1',
    })
  })

  it('fails at start naming the missing variable', () => {
    expect(() => loadConfig({})).toThrowError(MissingConfigError)
    expect(() => loadConfig({ TABLE_NAME: '' })).toThrowError(/TABLE_NAME/)
  })
})
