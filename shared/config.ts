/**
 * Every environment variable Chengxin reads, with its default. The CDK stack passes these same
 * names to the Lambdas, and the local runner sets them, so infra and runtime cannot drift.
 */

type Setting = { readonly name: string; readonly description: string; readonly default?: string }

export const ENV = {
  tableName: { name: 'TABLE_NAME', description: 'DynamoDB table holding agencies, records and ratings' },
  dynamodbEndpoint: {
    name: 'AWS_ENDPOINT_URL_DYNAMODB',
    description: 'DynamoDB endpoint; set only for DynamoDB Local',
    default: '',
  },
  signingKeyId: {
    name: 'SIGNING_KEY_ID',
    description: 'KMS key (ECC_NIST_P256, SIGN_VERIFY) that signs attestations, id or alias',
    default: '',
  },
  openDataBucket: {
    name: 'OPEN_DATA_BUCKET',
    description: 'S3 bucket the open-data export publishes to (export function only)',
    default: '',
  },
  openDataPrefix: {
    name: 'OPEN_DATA_PREFIX',
    description: 'Key prefix under the open-data bucket, e.g. "open-data/"',
    default: '',
  },
  signingKeyFile: {
    name: 'SIGNING_KEY_FILE',
    description: 'Instead of KMS: a private JWK file (created if missing) that signs attestations',
    default: '',
  },
  officerRootCa: {
    name: 'OFFICER_ROOT_CA',
    description:
      'PEM of the root CA that officer certificates must chain to; unset: keys without certificates only',
    default: '',
  },
  objectionAnswerDays: {
    name: 'OBJECTION_ANSWER_DAYS',
    description: 'Calendar days within which officers answer an objection (1–90; default 10, provisional)',
    default: '',
  },
  siteManifest: {
    name: 'SITE_MANIFEST',
    description:
      "JSON of the site assets' hashed paths (served from the site bucket); with it the function serves pages",
    default: '',
  },
  rateLimit: {
    name: 'RATE_LIMIT',
    description:
      'Local runner: requests per second per client address (0: no limit, e.g. for npm run loadtest); in AWS, WAF limits rates',
    default: '50',
  },
  port: { name: 'PORT', description: 'Local runner: port of the HTTP server on 127.0.0.1', default: '3000' },
  dataDir: {
    name: 'CHENGXIN_DATA_DIR',
    description: 'Local runner: folder for the database, keys and open data (git-ignored)',
    default: '.data',
  },
} as const satisfies Record<string, Setting>

/** The table name the local runner uses. */
export const LOCAL_TABLE_NAME = 'chengxin'

/** The local runner's settings: a port only when PORT is set, and the data folder. */
export function loadLocalConfig(env: Record<string, string | undefined>): { port?: string; dataDir: string } {
  const port = env[ENV.port.name]
  return { ...(port ? { port } : {}), dataDir: env[ENV.dataDir.name] || ENV.dataDir.default }
}

export type Config = {
  tableName: string
  dynamodbEndpoint?: string
  signingKeyId?: string
  signingKeyFile?: string
}

/** A required variable is missing or empty; the message names it. */
export class MissingConfigError extends Error {
  override name = 'MissingConfigError'
}

/** Reads the configuration once, failing fast with the name of anything missing. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const read = (setting: Setting): string => {
    const value = env[setting.name] ?? setting.default
    if (value === undefined || (value === '' && setting.default === undefined)) {
      throw new MissingConfigError(`Environment variable ${setting.name} is required: ${setting.description}`)
    }
    return value
  }
  const optional = (setting: Setting) => {
    const value = read(setting)
    return value ? value : undefined
  }
  const endpoint = optional(ENV.dynamodbEndpoint)
  const keyId = optional(ENV.signingKeyId)
  const keyFile = optional(ENV.signingKeyFile)
  return {
    tableName: read(ENV.tableName),
    ...(endpoint ? { dynamodbEndpoint: endpoint } : {}),
    ...(keyId ? { signingKeyId: keyId } : {}),
    ...(keyFile ? { signingKeyFile: keyFile } : {}),
  }
}

/** Fails unless a signing key is configured (the API signs attestations). */
export function requireSigningKey(config: Config): { kmsKeyId: string } | { keyFile: string } {
  if (config.signingKeyId) return { kmsKeyId: config.signingKeyId }
  if (config.signingKeyFile) return { keyFile: config.signingKeyFile }
  throw new MissingConfigError(
    `Environment variable ${ENV.signingKeyId.name} (or ${ENV.signingKeyFile.name}) is required: ${ENV.signingKeyId.description}`,
  )
}
