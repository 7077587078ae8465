/**
 * Calendar arithmetic on CST dates (yyyy-mm-dd, years 0000–9999) for the demo generator: pure, no
 * clock. Day numbers use Howard Hinnant's days-from-civil algorithm, which is much faster than Date.
 */
const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000
const CST_OFFSET_MS = 8 * HOUR_MS
const DAYS_PER_ERA = 146_097
const EPOCH_SHIFT_DAYS = 719_468

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: string): number {
  const month = Number(date.slice(5, 7))
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0)
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1
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

/** Epoch milliseconds of a CST wall-clock time on a calendar date. */
export function cstInstant(date: string, hour: number, minute = 0): number {
  return dayNumber(date) * DAY_MS - CST_OFFSET_MS + hour * HOUR_MS + minute * 60_000
}

/** The UTC ISO timestamp of epoch milliseconds. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString()
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
