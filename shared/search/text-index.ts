/**
 * Many short texts held as one string, so finding a query in all of them is one native `indexOf`
 * scan instead of a call per text: each text is followed by a line break (a normalised query never
 * holds one, so no match can run from one text into the next), and where each text starts and whose
 * it is are kept beside it. Pure.
 */

export type TextIndex = {
  text: string
  /** Where each piece starts in `text`, ascending. */
  starts: Int32Array
  /** The owner (an entry's position) of each piece. */
  owners: Int32Array
  /** Per piece, offsets within it that count as starts too (e.g. syllable starts); absent: none. */
  marks?: (readonly number[] | undefined)[]
}

/** Collects pieces one by one (no intermediate arrays: an index over 20,000 agencies is rebuilt often). */
export type TextIndexBuilder = {
  /** Adds a piece; `marked` are offsets within it that count as starts too. */
  add(owner: number, text: string, marked?: readonly number[]): void
  build(): TextIndex
}

export function textIndexBuilder(): TextIndexBuilder {
  const texts: string[] = []
  const starts: number[] = []
  const owners: number[] = []
  const marks: (readonly number[] | undefined)[] = []
  let marked = false
  let at = 0
  return {
    add(owner, text, offsets) {
      starts.push(at)
      owners.push(owner)
      texts.push(text)
      marks.push(offsets)
      if (offsets) marked = true
      at += text.length + 1
    },
    build() {
      const text = texts.length ? `${texts.join('\n')}\n` : ''
      const index: TextIndex = { text, starts: Int32Array.from(starts), owners: Int32Array.from(owners) }
      return marked ? { ...index, marks } : index
    },
  }
}

/** One match: whose piece, where in it, and whether that place is marked. */
export type Occurrence = { owner: number; offset: number; pieceLength: number; marked: boolean }

/**
 * Calls `visit` for every place `q` occurs, in text order. `visit` answers whether to keep looking
 * in the same piece (false skips to the next piece, when nothing later in it can matter).
 */
export function eachOccurrence(index: TextIndex, q: string, visit: (o: Occurrence) => boolean): void {
  if (q === '') return
  const { text, starts, owners, marks } = index
  let pos = text.indexOf(q)
  while (pos !== -1) {
    const k = pieceAt(starts, pos)
    const start = starts[k] as number
    const end = k + 1 < starts.length ? (starts[k + 1] as number) - 1 : text.length - 1
    const more = visit({
      owner: owners[k] as number,
      offset: pos - start,
      pieceLength: end - start,
      marked: marks?.[k]?.includes(pos - start) ?? false,
    })
    pos = text.indexOf(q, more ? pos + 1 : end + 1)
  }
}

/** The piece a position falls in: the last whose start is at or before it. */
function pieceAt(starts: Int32Array, pos: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] as number) <= pos) lo = mid
    else hi = mid - 1
  }
  return lo
}
