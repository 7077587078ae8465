import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Random } from '../../../shared/demo/random.js'
import { addMonths, addYears, dayNumber, fromDayNumber } from '../../../shared/time/calendar.js'

const DAY_MS = 86_400_000
const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)
const anyDay = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2199-12-31') })

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 8 },
        (
          (r) => () =>
            r.uint32()
        )(new Random(seed)),
      )
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    expect(draw(2 ** 40)).not.toEqual(draw(0))
  })

  it('is pinned: the first numbers of seed 1 never change across versions', () => {
    const random = new Random(1)
    expect(Array.from({ length: 3 }, () => random.uint32())).toMatchInlineSnapshot(`
      [
        393706263,
        1032876470,
        2461768992,
      ]
    `)
  })

  it('keeps int, dateBetween and pick inside their ranges', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.nat(100), (seed, min, width) => {
        const random = new Random(seed)
        const n = random.int(min, min + width)
        expect(n).toBeGreaterThanOrEqual(min)
        expect(n).toBeLessThanOrEqual(min + width)
        const date = random.dateBetween('2024-02-27', '2024-03-02')
        expect(date >= '2024-02-27' && date <= '2024-03-02').toBe(true)
        expect(['a', 'b']).toContain(random.pick(['a', 'b']))
      }),
    )
  })

  it('never picks a zero-weight value and shuffles without losing elements', () => {
    const random = new Random(9)
    for (let i = 0; i < 500; i++) {
      expect(
        random.weighted([
          ['never', 0],
          ['always', 1],
        ]),
      ).toBe('always')
    }
    expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('rejects an empty range, an empty list and a non-finite seed', () => {
    expect(() => new Random(1).int(2, 1)).toThrow(RangeError)
    expect(() => new Random(1).pick([])).toThrow(RangeError)
    expect(() => new Random(Number.NaN)).toThrow(RangeError)
  })
})

describe('demo dates', () => {
  it('converts day numbers like Date does', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(fromDayNumber(day)).toBe(isoDate(day))
        expect(dayNumber(isoDate(day))).toBe(day)
      }),
    )
  })

  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15')
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28')
    expect(addYears('2021-06-30', 3)).toBe('2024-06-30')
  })
})
