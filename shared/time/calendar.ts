/**
 * Calendar dates and instants, the one way Chengxin does them (DESIGN.md §7). Timestamps are UTC
 * instants; date-only facts (decisions, founding, window ends) are China Standard Time calendar
 * dates `yyyy-mm-dd` that begin at 00:00 CST. CST has no daylight saving. Day numbers use Howard
 * Hinnant's days-from-civil algorithm: integer arithmetic, much faster than Date in hot paths.
 */
const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const CST_OFFSET_MS = 8 * HOUR_MS
const DAYS_PER_ERA = 146_097
const EPOCH_SHIFT_DAYS = 719_468

/** The parts of a real calendar date, or undefined for anything else (2026-02-30, 20260301, …). */
export function parseDate(date: string): { y: number; m: number; d: number } | undefined {
  if (typeof date !== 'string' || date.length !== 10 || date[4] !== '-' || date[7] !== '-') return undefined
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined
  return { y, m, d }
}

/** Days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: string): number {
  return civilDays(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2))
}

/** The number written by `length` ASCII digits at `from` (no allocation, unlike slice + Number). */
function digits(text: string, from: number, length: number): number {
  let n = 0
  for (let i = from; i < from + length; i++) n = n * 10 + text.charCodeAt(i) - 48
  return n
}

/** Days since 1970-01-01 of a year, month and day. */
function civilDays(y: number, month: number, day: number): number {
  const year = y - (month <= 2 ? 1 : 0)
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT_DAYS
}

/** The calendar date of a day number. */
export function fromDayNumber(day: number): string {
  const shifted = day + EPOCH_SHIFT_DAYS
  const era = Math.floor(shifted / DAYS_PER_ERA)
  const dayOfEra = shifted - era * DAYS_PER_ERA
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(date)}`
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

/** The date `months` months after `date`, clamped to the end of a shorter month (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

/** The date `years` years after `date` (02-29 → 02-28 in a common year). */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12)
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b
}

/** The earlier of two dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b
}

/** Epoch milliseconds of a CST wall-clock time on a calendar date (00:00 by default). */
export function cstInstant(date: string, hour = 0, minute = 0): number {
  return dayNumber(date) * DAY_MS - CST_OFFSET_MS + hour * HOUR_MS + minute * 60_000
}

/** The instant `months` months after a date begins (a window of N months from a decision ends then). */
export function monthsAfter(date: string, months: number): number {
  const index = digits(date, 0, 4) * 12 + digits(date, 5, 2) - 1 + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const day = Math.min(digits(date, 8, 2), daysInMonth(year, month))
  return civilDays(year, month, day) * DAY_MS - CST_OFFSET_MS
}

/** The instant the day after `date` begins: the end of an inclusive last day. */
export function dayAfter(date: string): number {
  return cstInstant(date) + DAY_MS
}

/** Whole months from a date to an instant (0 if the instant is earlier). */
export function monthsSince(date: string, at: number): number {
  const now = chinaDate(at)
  let months =
    (Number(now.slice(0, 4)) - Number(date.slice(0, 4))) * 12 +
    Number(now.slice(5, 7)) -
    Number(date.slice(5, 7))
  if (months > 0 && monthsAfter(date, months) > at) months--
  return Math.max(0, months)
}

/** The CST calendar date of an instant. */
export function chinaDate(instant: Date | string | number): string {
  const ms =
    typeof instant === 'number'
      ? instant
      : typeof instant === 'string'
        ? Date.parse(instant)
        : instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${String(instant)}`)
  return fromDayNumber(Math.floor((ms + CST_OFFSET_MS) / DAY_MS))
}

/** The last CST day before an instant: how an exclusive end is shown as an inclusive date. */
export function lastDayBefore(at: number): string {
  return chinaDate(at - 1)
}

/** The instant a CST calendar date begins, as a Date; RangeError for anything that is not a date. */
export function startOfChinaDate(date: string): Date {
  if (!parseDate(date)) throw new RangeError(`not a calendar date: ${date}`)
  return new Date(cstInstant(date))
}

/** The UTC ISO timestamp of epoch milliseconds. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString()
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
