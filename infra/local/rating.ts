/**
 * The rating pipeline as the local runner runs it: a full re-rate when the data has not been rated
 * under this methodology version yet, DynamoDB Local's stream feeding the stream handler, and the
 * sweep on a timer, all with the same cores the Lambdas run.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { jsonLog } from '../../functions/log.js'
import type { RateDeps } from '../../functions/rate/rate-agencies.js'
import { rerateAll } from '../../functions/rate/rerate.js'
import { handleStream } from '../../functions/rate/stream.js'
import { sweep } from '../../functions/rate/sweep.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import type { Store } from '../../shared/store/store.js'
import { progressBar } from './progress.js'
import { startStreamPoller } from './stream-poller.js'

/** How often the local sweep runs (the deployed one is scheduled hourly). */
export const LOCAL_SWEEP_MS = 60_000

/** Deps for the rate cores, logging warnings and errors as JSON lines. */
export function localRateDeps(store: Store): RateDeps & { now: () => Date } {
  return { store, methodology: DEFAULT_METHODOLOGY, log: jsonLog('rate', 'warn'), now: () => new Date() }
}

/** Rates everything once per methodology version (a no-op when that run already finished). */
export async function rateOnStart(deps: RateDeps & { now: () => Date }, expected: number) {
  const job = `start:${deps.methodology.id}@${deps.methodology.version}`
  const bar = progressBar('Rating agencies 计算评级', expected)
  const report = await rerateAll(deps, deps.now(), { job, onProgress: (n) => bar.update(n) })
  bar.finish()
  return report
}

/**
 * Starts the stream poller and the sweep timer; returns a stop function. `onChange` hears of every
 * agency whose items changed (once the batch is rated), whoever wrote them: the rating pipeline,
 * an officer, or `npm run rerate` in another process.
 */
export async function startRatingPipeline(
  deps: RateDeps & { now: () => Date },
  db: { client: DynamoDBClient; endpoint: string; tableName: string },
  onChange: (usccs: readonly string[]) => void = () => {},
): Promise<() => Promise<void>> {
  const poller = await startStreamPoller({
    ...db,
    handle: async (event) => {
      const result = await handleStream(deps, event)
      const changed = touchedAgencies(event)
      if (changed.length > 0) onChange(changed)
      return result
    },
    onError: (error) => deps.log('error', 'stream polling failed', { error: String(error) }),
  })
  // What the sweep writes reaches `onChange` through the stream, like every other write.
  const runSweep = () =>
    sweep(deps).catch((error: unknown) => deps.log('error', 'sweep failed', { error: String(error) }))
  void runSweep()
  const timer = setInterval(runSweep, LOCAL_SWEEP_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await poller.stop()
  }
}

/** Every agency a stream batch touches (profile, records, rating, audit …), each once. */
function touchedAgencies(event: DynamoDBStreamEvent): string[] {
  const usccs = new Set<string>()
  for (const record of event.Records ?? []) {
    const pk = record.dynamodb?.Keys?.pk?.S
    if (pk?.startsWith('AGENCY#')) usccs.add(pk.slice('AGENCY#'.length))
  }
  return [...usccs]
}
