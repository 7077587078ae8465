/**
 * Structured logs through the Powertools logger: one JSON object per line (CloudWatch and the local
 * runner both read them), with the Lambda's cold-start and request fields when running there.
 */
import { Logger } from '@aws-lambda-powertools/logger'

export type Log = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void

const LEVEL = { info: 'INFO', warn: 'WARN', error: 'ERROR' } as const

/** Logs JSON lines with a timestamp and the service name, from `minLevel` up. */
export function jsonLog(service: string, minLevel: keyof typeof LEVEL = 'info'): Log {
  const logger = new Logger({ serviceName: service, logLevel: LEVEL[minLevel] })
  return (level, msg, fields = {}) => logger[level](msg, fields)
}

/** A log that drops everything (tests, quiet CLIs). */
export const silentLog: Log = () => {}
