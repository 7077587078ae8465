import type { DynamoDBStreamEvent } from 'aws-lambda'
import { createRateDeps } from './deps.js'
import { rerateAll } from './rerate.js'
import { handleStream } from './stream.js'
import { sweep as sweepDue } from './sweep.js'

const deps = createRateDeps()

/** DynamoDB Streams trigger (ReportBatchItemFailures). */
export const stream = async (event: DynamoDBStreamEvent) => {
  const { batchItemFailures } = await handleStream(deps, event)
  return { batchItemFailures }
}

/** Scheduled: re-rate agencies whose rating is due. */
export const sweep = async () => {
  await sweepDue(deps)
}

/** On demand or on a methodology change: re-rate everyone (resumes an interrupted run). */
export const rerate = async (event: { job?: string } = {}) =>
  rerateAll(deps, deps.now(), event.job ? { job: event.job } : {})
