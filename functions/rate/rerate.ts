/**
 * Full re-rate: every agency, through a consistent parallel segmented scan that reads each agency's
 * profile, rating and records together. An agency whose stored rating is still what the engine says
 * costs no further read or write; the others go through rateAgency (a consistent read and a
 * conditional write). Bounded concurrency, retries with backoff for throttling, and a checkpoint per
 * segment so a run that stops halfway resumes where it was. A second run over unchanged data writes
 * nothing.
 */
import type { Agency, CreditRecord } from '../../shared/agency/types.js'
import { evaluate } from '../../shared/rating/evaluate.js'
import type { StoredRating } from '../../shared/store/entities/rating.js'
import { chinaDate } from '../../shared/time/calendar.js'
import { sleep } from '../pool.js'
import { type RateDeps, rateAgencies } from './rate-agencies.js'

export type RerateOptions = {
  /** Names the run; the same name resumes it. Default: methodology id@version and today's date. */
  job?: string
  segments?: number
  /** Agencies rated at once, across all segments. */
  concurrency?: number
  /** Items read per scan page (default 1,000). */
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

type Group = {
  uscc: string
  agency?: Agency
  rating?: Pick<StoredRating, 'contentHash' | 'name' | 'region'>
  records: CreditRecord[]
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

  /**
   * Agencies whose stored rating differs from the engine's answer on the scanned data. A group
   * without its profile was cut by a page boundary (after a resume): it is rated from a full read.
   */
  const stale = (groups: Group[]) =>
    groups.filter((g) => {
      if (!g.agency) return true
      try {
        const fresh = evaluate({ agency: g.agency, records: g.records }, deps.methodology, asOf)
        const same = g.rating?.contentHash === fresh.contentHash
        return !(same && g.rating?.name === g.agency.name && g.rating.region === g.agency.region)
      } catch {
        return true // let rateAgencies report it
      }
    })

  /** Rates the stale ones precisely (consistent read, conditional write), retrying what may pass later. */
  const rate = async (groups: Group[]) => {
    let pending = stale(groups).map((g) => g.uscc)
    totals.unchanged += groups.length - pending.length
    for (let attempt = 0; pending.length > 0; attempt++) {
      const result = await rateAgencies(deps, pending, asOf, { concurrency: perSegment })
      totals.written += result.written.length
      totals.unchanged += result.unchanged + result.newer
      totals.failed.push(
        ...result.failed.filter((f) => f.permanent).map(({ uscc, error }) => ({ uscc, error })),
      )
      pending = result.failed.filter((f) => !f.permanent).map((f) => f.uscc)
      if (pending.length && attempt >= retries) {
        totals.failed.push(
          ...result.failed.filter((f) => !f.permanent).map(({ uscc, error }) => ({ uscc, error })),
        )
        return
      }
      if (pending.length) await sleep(BACKOFF_BASE_MS * 2 ** attempt * (0.5 + Math.random()))
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
    // The last agency of a page may go on in the next one; it is carried over. After a resume it may
    // start partway: its scanned data then differs from its rating, and rateAgency reads it whole.
    let carried: Group | undefined = checkpoint?.carry ? { uscc: checkpoint.carry, records: [] } : undefined
    for (;;) {
      const page = await withRetry(() =>
        deps.store.scanRatingInputs(segment, segments, {
          limit: options.pageSize ?? 1000,
          ...(cursor ? { cursor } : {}),
        }),
      )
      const groups: Group[] = carried ? [carried] : []
      for (const item of page.items) {
        let group = groups.at(-1)
        if (group?.uscc !== item.uscc) {
          group = { uscc: item.uscc, records: [] }
          groups.push(group)
        }
        if (item.entity === 'Agency') group.agency = item
        else if (item.entity === 'Rating') group.rating = item
        else group.records.push(item)
      }
      cursor = page.next
      carried = cursor ? groups.pop() : undefined
      await rate(groups)
      handled += groups.length
      const done = cursor === undefined
      await withRetry(() =>
        deps.store.putCheckpoint({
          job,
          segment,
          segments,
          ...(cursor ? { cursor } : {}),
          ...(carried ? { carry: carried.uscc } : {}),
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
