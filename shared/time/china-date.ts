/**
 * Calendar dates in China Standard Time. Timestamps are stored in UTC; date-only facts (decision
 * dates, founding dates, window ends) are CST calendar dates (DESIGN.md §7). CST has no DST.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000

/** The CST calendar date (yyyy-mm-dd) of an instant. */
export function chinaDate(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${String(instant)}`)
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant a CST calendar date begins (00:00 CST), as a UTC Date. */
export function startOfChinaDate(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a calendar date: ${date}`)
  const ms = Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS
  if (Number.isNaN(ms) || new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: ${date}`)
  }
  return new Date(ms)
}
