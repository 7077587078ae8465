/**
 * The sweep: re-rate agencies whose rating has passed its validUntil (a record entered or left its
 * window, a licence expired …), found through the byDueDate index one China-time day at a time.
 */
import { addDays, chinaDate } from '../../shared/time/calendar.js'
import { type RateDeps, type RateReport, rateAgencies } from './rate-agencies.js'

/** Days before today the sweep still looks at, in case sweeps were missed. */
export const SWEEP_LOOKBACK_DAYS = 7

/** The USCCs whose current rating is due at `now` (validUntil ≤ now), from the last `lookbackDays` days. */
export async function findDue(
  deps: RateDeps,
  now: Date,
  lookbackDays = SWEEP_LOOKBACK_DAYS,
): Promise<string[]> {
  const today = chinaDate(now)
  const cutoff = now.toISOString()
  const due: string[] = []
  for (let back = lookbackDays; back >= 0; back--) {
    const day = addDays(today, -back)
    let cursor: string | undefined
    do {
      const page = await deps.store.listRatingsDueOn(day, { limit: 100, ...(cursor ? { cursor } : {}) })
      for (const rating of page.items)
        if (rating.validUntil && rating.validUntil <= cutoff) due.push(rating.uscc)
      cursor = page.next
    } while (cursor)
  }
  return due
}

/** Re-rates every agency that is due. */
export async function sweep(deps: RateDeps & { now: () => Date }): Promise<RateReport & { due: number }> {
  const now = deps.now()
  const due = await findDue(deps, now)
  const report = await rateAgencies(deps, due, now)
  deps.log('info', 'sweep done', {
    due: due.length,
    written: report.written.length,
    failed: report.failed.length,
  })
  return { ...report, due: due.length }
}
