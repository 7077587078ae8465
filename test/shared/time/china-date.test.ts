import { describe, expect, it } from 'vitest'
import { chinaDate, startOfChinaDate } from '../../../shared/time/china-date.js'

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
