/** Identifiers of demo items: unique valid USCCs and ULIDs whose time part is the submission time. */
import { encodeTime } from 'ulid'
import type { Sector } from '../agency/vocabulary.js'
import { composeUscc, USCC_CHARSET } from '../identity/uscc.js'
import type { Place } from './places.js'
import type { Random } from './random.js'

/** GB 32100 took effect on this date; organisations registered since get national 'M…' bodies. */
export const USCC_START_DATE = '2015-10-01'
/** Share of post-2015 organisations that still carry an all-digit organisation code body. */
const POST_2015_DIGIT_BODY_SHARE = 0.05
/** Registration department and entity type: 9 1 = market regulation, enterprise; 1 2 = 事业单位. */
const USCC_PREFIX: Record<Sector, readonly [department: string, type: string]> = {
  commercial: ['9', '1'],
  public: ['1', '2'],
}
/** First two body characters of national codes: MA for enterprises, MB for public institutions. */
const NEW_BODY_PREFIX: Record<Sector, string> = { commercial: 'MA', public: 'MB' }
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const ULID_RANDOM_LENGTH = 16
const ULID_TIME_LENGTH = 10
const MAX_ATTEMPTS = 1000

/** A USCC for an organisation registered in `place` on `foundedOn`, not yet in `taken` (then added). */
export function newUscc(
  random: Random,
  sector: Sector,
  place: Place,
  foundedOn: string,
  taken: Set<string>,
): string {
  const [department, type] = USCC_PREFIX[sector]
  const national = foundedOn >= USCC_START_DATE && !random.chance(POST_2015_DIGIT_BODY_SHARE)
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const body = national
      ? `${NEW_BODY_PREFIX[sector]}${random.chars(USCC_CHARSET, 6)}`
      : `${random.int(1, 7)}${random.chars('0123456789', 7)}`
    const uscc = composeUscc(department, type, place.code, body)
    if (taken.has(uscc)) continue
    taken.add(uscc)
    return uscc
  }
  throw new Error(`could not find a free USCC in ${place.code} after ${MAX_ATTEMPTS} attempts`)
}

/** A ULID for a record submitted at `submittedAtMs`: that time, then 16 seeded random characters. */
export function recordId(random: Random, submittedAtMs: number): string {
  return `${encodeTime(submittedAtMs, ULID_TIME_LENGTH)}${random.chars(CROCKFORD, ULID_RANDOM_LENGTH)}`
}

/** Per-key running serial numbers (licence or decision numbers): a random start, then random steps. */
export class Serials {
  readonly #last = new Map<string, number>()

  /** The next serial for `key`, above every one handed out for it before. */
  next(random: Random, key: string, firstMax = 120, stepMax = 12): number {
    const last = this.#last.get(key)
    const serial = last === undefined ? random.int(1, firstMax) : last + random.int(1, stepMax)
    this.#last.set(key, serial)
    return serial
  }
}
