/**
 * DynamoDB Streams → ratings. A batch names items that changed; the agencies whose profile or
 * records changed are re-rated from the table as it is now, so duplicated or reordered events
 * cannot leave a stale grade. Partial failures are reported per agency, so one bad agency does not
 * hold back or replay the others; input the engine refuses is logged and not retried.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'
import { type RateDeps, type RateReport, rateAgencies } from './rate-agencies.js'

/** Agencies a stream batch touches, each with the sequence number of its first change in the batch. */
export function affectedAgencies(event: DynamoDBStreamEvent): Map<string, string> {
  const first = new Map<string, string>()
  for (const record of event.Records ?? []) {
    const keys = record.dynamodb?.Keys
    const pk = keys?.pk?.S
    const sk = keys?.sk?.S
    const sequence = record.dynamodb?.SequenceNumber
    if (!pk?.startsWith('AGENCY#') || sequence === undefined) continue
    if (sk !== 'PROFILE' && !sk?.startsWith('RECORD#')) continue
    const uscc = pk.slice('AGENCY#'.length)
    if (!first.has(uscc)) first.set(uscc, sequence)
  }
  return first
}

/** Handles one batch; the response lists the first change of each agency that failed and may pass later. */
export async function handleStream(
  deps: RateDeps & { now: () => Date },
  event: DynamoDBStreamEvent,
): Promise<DynamoDBBatchResponse & { report: RateReport }> {
  const agencies = affectedAgencies(event)
  const report = await rateAgencies(deps, [...agencies.keys()], deps.now())
  const batchItemFailures = report.failed
    .filter((f) => !f.permanent)
    .map((f) => ({ itemIdentifier: agencies.get(f.uscc) ?? '' }))
  return { batchItemFailures, report }
}
