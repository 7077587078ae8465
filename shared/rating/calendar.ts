/**
 * Calendar arithmetic on CST dates for the engine, on plain integers (no Date objects in the hot
 * path). A date-only fact `yyyy-mm-dd` happens at the start of that day in China Standard Time.
 */
const CST_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** Parses `yyyy-mm-dd` into numbers, or undefined if it is not a real calendar date. */
export function parseDate(date: string): { y: number; m: number; d: number } | undefined {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return undefined
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined
  return { y, m, d }
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** The instant (ms) at which a CST calendar date begins. */
export function startOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) - CST_OFFSET_MS
}

/** The instant a date begins; the date must be valid (inputs are checked first). */
export function dateStart(date: string): number {
  const p = parseDate(date)
  if (!p) throw new RangeError(`not a calendar date: ${date}`)
  return startOf(p.y, p.m, p.d)
}

/**
 * The instant `months` months after a date begins: the same day of the month, or the month's last
 * day where it has no such day (31 January + 1 month = 28 or 29 February).
 */
export function monthsAfter(date: string, months: number): number {
  const p = parseDate(date)
  if (!p) throw new RangeError(`not a calendar date: ${date}`)
  const index = p.m - 1 + months
  const y = p.y + Math.floor(index / 12)
  const m = (((index % 12) + 12) % 12) + 1
  return startOf(y, m, Math.min(p.d, daysInMonth(y, m)))
}

/** Whole months from a date to an instant (0 if the instant is earlier). */
export function monthsSince(date: string, at: number): number {
  const p = parseDate(date)
  if (!p) throw new RangeError(`not a calendar date: ${date}`)
  const now = cstParts(at)
  let months = (now.y - p.y) * 12 + (now.m - p.m)
  if (months > 0 && monthsAfter(date, months) > at) months--
  return Math.max(0, months)
}

/** The CST calendar date an instant falls on. */
export function cstDate(at: number): string {
  return new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The last CST day before an instant: how "counts until" is shown (inclusive). */
export function lastDayBefore(at: number): string {
  return cstDate(at - 1)
}

export function cstParts(at: number): { y: number; m: number; d: number } {
  const t = new Date(at + CST_OFFSET_MS)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

/** The instant the day after a date begins (end of an inclusive last day). */
export function dayAfter(date: string): number {
  return dateStart(date) + DAY_MS
}
