/**
 * A seeded pseudo-random generator for demo data: sfc32 (Chris Doty-Humphrey's Small Fast Counter)
 * seeded through splitmix32, so the same seed always gives the same sequence on every platform.
 */
import { dayNumber, fromDayNumber } from '../time/calendar.js'

/** A value paired with its relative weight, for `Random.weighted`. */
export type Weighted<T> = readonly [value: T, weight: number]

const TWO_TO_32 = 2 ** 32
const WARM_UP_ROUNDS = 12

/** Deterministic random helpers over one sfc32 stream. */
export class Random {
  #a: number
  #b: number
  #c: number
  #d: number

  /** Seeds the stream from any finite number (its integer part, up to 2^53). */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
    const whole = Math.trunc(seed)
    const low = whole >>> 0
    const high = Math.floor(whole / TWO_TO_32) >>> 0
    let state = splitmix32(low ^ 0x9e3779b9)
    this.#a = state.value
    state = splitmix32(state.next ^ high)
    this.#b = state.value
    state = splitmix32(state.next)
    this.#c = state.value
    this.#d = 1
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.uint32()
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0
    this.#d = (this.#d + 1) | 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) | 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / TWO_TO_32
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range ${min}..${max}`)
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new RangeError('cannot pick from an empty list')
    return item
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(entries: readonly Weighted<T>[]): T {
    let total = 0
    for (const [, weight] of entries) total += weight
    let target = this.next() * total
    for (const [value, weight] of entries) {
      target -= weight
      if (target < 0) return value
    }
    const last = entries.at(-1)
    if (last === undefined) throw new RangeError('cannot pick from an empty list')
    return last[0]
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const a = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = a
    }
    return copy
  }

  /** A calendar date (yyyy-mm-dd) in [from, to], both inclusive. */
  dateBetween(from: string, to: string): string {
    return fromDayNumber(this.int(dayNumber(from), dayNumber(to)))
  }

  /** `length` characters drawn uniformly from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.next() * alphabet.length))
    return out
  }
}

/** One splitmix32 step: the mixed output and the advanced state. */
function splitmix32(state: number): { value: number; next: number } {
  const next = (state + 0x9e3779b9) | 0
  let z = next
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return { value: (z ^ (z >>> 16)) >>> 0, next }
}
