/** Composition root for the export Lambda: store, S3 blob store, signer, once per cold start. */
import { S3Client } from '@aws-sdk/client-s3'
import { ENV, loadConfig, MissingConfigError } from '../../shared/config.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { createClients } from '../../shared/store/clients.js'
import { createStore } from '../../shared/store/store.js'
import { jsonLog } from '../log.js'
import { signerFromConfig } from '../signer.js'
import type { ExportDeps } from './export.js'
import { s3BlobStore } from './s3-blob-store.js'

export async function createExportDeps(
  env: Record<string, string | undefined> = process.env,
  s3: S3Client = new S3Client({}),
): Promise<ExportDeps> {
  const config = loadConfig(env)
  const bucket = env[ENV.openDataBucket.name]
  if (!bucket)
    throw new MissingConfigError(
      `Environment variable ${ENV.openDataBucket.name} is required: ${ENV.openDataBucket.description}`,
    )
  const { documentClient } = createClients(config.dynamodbEndpoint)
  return {
    store: createStore({ documentClient, tableName: config.tableName }),
    blobs: s3BlobStore(s3, bucket, env[ENV.openDataPrefix.name] ?? ''),
    signer: await signerFromConfig(config),
    methodology: DEFAULT_METHODOLOGY,
    log: jsonLog('export'),
    now: () => new Date(),
  }
}
