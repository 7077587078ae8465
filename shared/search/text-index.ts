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
  /** Marks positions where a piece may also be matched from (e.g. syllable starts); absent: none. */
  marks?: Uint8Array
}

/** Builds a text index from pieces; `marksOf` gives offsets within a piece that count as starts. */
export function textIndex(
  pieces: readonly (readonly [owner: number, text: string])[],
  marksOf?: (piece: number) => readonly number[],
): TextIndex {
  const starts = new Int32Array(pieces.length)
  const owners = new Int32Array(pieces.length)
  let at = 0
  pieces.forEach(([owner, text], k) => {
    starts[k] = at
    owners[k] = owner
    at += text.length + 1
  })
  const text = pieces.map(([, t]) => `${t}\n`).join('')
  if (!marksOf) return { text, starts, owners }
  const marks = new Uint8Array(text.length)
  pieces.forEach((_, k) => {
    for (const offset of marksOf(k)) marks[(starts[k] as number) + offset] = 1
  })
  return { text, starts, owners, marks }
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
      marked: marks ? marks[pos] === 1 : false,
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
