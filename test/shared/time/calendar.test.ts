import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addMonths,
  chinaDate,
  cstInstant,
  dayAfter,
  dayNumber,
  fromDayNumber,
  lastDayBefore,
  monthsAfter,
  monthsSince,
  parseDate,
  startOfChinaDate,
} from '../../../shared/time/calendar.js'

describe('China Standard Time dates', () => {
  it.each([
    ['2026-12-04T15:59:59.999Z', '2026-12-04'],
    ['2026-12-04T16:00:00.000Z', '2026-12-05'],
    ['2026-12-31T20:00:00.000Z', '2027-01-01'],
  ])('%s falls on %s in Beijing', (instant, day) => {
    expect(chinaDate(instant)).toBe(day)
  })

  it('a CST day starts at 16:00 UTC the day before', () => {
    expect(startOfChinaDate('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z')
  })

  it('rejects what is not a calendar date', () => {
    expect(() => startOfChinaDate('2026-02-30')).toThrow(RangeError)
    expect(() => startOfChinaDate('20260301')).toThrow(RangeError)
    expect(() => chinaDate('yesterday')).toThrow(RangeError)
  })
})

describe('calendar arithmetic', () => {
  it('counts whole months from a date to an instant in China time', () => {
    const at = (iso: string) => Date.parse(iso)
    expect(monthsSince('2025-03-01', at('2026-02-28T15:59:59.999Z'))).toBe(11)
    expect(monthsSince('2025-03-01', at('2026-02-28T16:00:00.000Z'))).toBe(12)
    expect(monthsSince('2025-01-31', at('2025-02-27T16:00:00.000Z'))).toBe(1)
    expect(monthsSince('2026-12-01', at('2026-01-01T00:00:00.000Z'))).toBe(0)
  })

  it('ends a 12-month window from 2025-03-01 at the start of 2026-03-01 CST, shown as 2026-02-28', () => {
    const end = monthsAfter('2025-03-01', 12)
    expect(new Date(end).toISOString()).toBe('2026-02-28T16:00:00.000Z')
    expect(lastDayBefore(end)).toBe('2026-02-28')
    expect(new Date(dayAfter('2026-02-28')).toISOString()).toBe('2026-02-28T16:00:00.000Z')
  })

  it('recognises only real calendar dates', () => {
    expect(parseDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 })
    expect(parseDate('2023-02-29')).toBeUndefined()
    expect(parseDate('2026-1-01')).toBeUndefined()
  })
})

describe('monthsAfter', () => {
  it('is the start of the date addMonths gives, for any date and month count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2099-12-31') }).map(fromDayNumber),
        fc.integer({ min: -60, max: 60 }),
        (date, months) => {
          expect(monthsAfter(date, months)).toBe(cstInstant(addMonths(date, months)))
        },
      ),
    )
  })
})
