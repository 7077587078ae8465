/**
 * Full re-rate: every agency, through a parallel segmented scan of the table, with bounded
 * concurrency, retries with backoff for throttling, and a checkpoint per segment so a run that
 * stops halfway resumes where it was. A second run over unchanged data writes nothing.
 */
import { chinaDate } from '../../shared/time/calendar.js'
import { sleep } from './pool.js'
import { type RateDeps, rateAgencies } from './rate-agencies.js'

export type RerateOptions = {
  /** Names the run; the same name resumes it. Default: methodology id@version and today's date. */
  job?: string
  segments?: number
  /** Agencies rated at once, across all segments. */
  concurrency?: number
  pageSize?: number
  /** Retries of a page or of failed agencies, with exponential backoff. */
  retries?: number
  onProgress?: (handled: number) => void
}

export type RerateReport = {
  job: string
  handled: number
  written: number
  unchanged: number
  failed: { uscc: string; error: string }[]
}

const BACKOFF_BASE_MS = 100

/** The default job name: one full re-rate per methodology version per China-time day. */
export function defaultJob(deps: RateDeps, asOf: Date): string {
  return `rerate:${deps.methodology.id}@${deps.methodology.version}:${chinaDate(asOf)}`
}

/** Re-rates every agency as of `asOf`. */
export async function rerateAll(
  deps: RateDeps & { now: () => Date },
  asOf: Date,
  options: RerateOptions = {},
): Promise<RerateReport> {
  const job = options.job ?? defaultJob(deps, asOf)
  const segments = options.segments ?? 4
  const perSegment = Math.max(1, Math.ceil((options.concurrency ?? 16) / segments))
  const retries = options.retries ?? 5
  const totals: RerateReport = { job, handled: 0, written: 0, unchanged: 0, failed: [] }
  const progress = new Array<number>(segments).fill(0)
  const report = () => options.onProgress?.(progress.reduce((a, b) => a + b, 0))

  const withRetry = async <T>(work: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work()
      } catch (error) {
        if (attempt >= retries) throw error
        await sleep(BACKOFF_BASE_MS * 2 ** attempt * (0.5 + Math.random()))
      }
    }
  }

  const runSegment = async (segment: number) => {
    const checkpoint = await withRetry(() => deps.store.getCheckpoint(job, segment))
    if (checkpoint?.done) {
      progress[segment] = checkpoint.handled
      report()
      return
    }
    let cursor = checkpoint?.cursor
    let handled = checkpoint?.handled ?? 0
    for (;;) {
      const page = await withRetry(() =>
        deps.store.scanAgencies(segment, segments, {
          limit: options.pageSize ?? 100,
          ...(cursor ? { cursor } : {}),
        }),
      )
      let pending = page.usccs
      for (let attempt = 0; pending.length > 0; attempt++) {
        const result = await rateAgencies(deps, pending, asOf, { concurrency: perSegment })
        totals.written += result.written.length
        totals.unchanged += result.unchanged + result.newer
        totals.failed.push(...result.failed.filter((f) => f.permanent))
        pending = result.failed.filter((f) => !f.permanent).map((f) => f.uscc)
        if (pending.length && attempt >= retries) {
          totals.failed.push(...result.failed.filter((f) => !f.permanent))
          break
        }
        if (pending.length) await sleep(BACKOFF_BASE_MS * 2 ** attempt * (0.5 + Math.random()))
      }
      handled += page.usccs.length
      cursor = page.next
      const done = cursor === undefined
      await withRetry(() =>
        deps.store.putCheckpoint({
          job,
          segment,
          segments,
          ...(cursor ? { cursor } : {}),
          done,
          handled,
          updatedAt: deps.now().toISOString(),
        }),
      )
      progress[segment] = handled
      report()
      if (done) return
    }
  }

  await Promise.all(Array.from({ length: segments }, (_, segment) => runSegment(segment)))
  totals.handled = progress.reduce((a, b) => a + b, 0)
  deps.log('info', 'rerate done', {
    job,
    handled: totals.handled,
    written: totals.written,
    failed: totals.failed.length,
  })
  return totals
}
