/**
 * Progress for long local work: a bar redrawn in place on a terminal, a line per quarter otherwise.
 * With no known total it counts instead (a line per 1,000 off a terminal).
 */
const WIDTH = 30
const COUNT_STEP = 1_000

/** A running progress display. */
export type Progress = { update(done: number): void; finish(): void }

/** Starts a progress display for `total` steps (`undefined` when the total is not known). */
export function progressBar(
  label: string,
  total: number | undefined,
  stream: NodeJS.WriteStream = process.stdout,
): Progress {
  if (total !== undefined && total <= 0) return { update() {}, finish() {} }
  const started = Date.now()
  let last = 0
  let shown = -1
  const line = (done: number) => {
    if (total === undefined) return `${label} ${done}`
    const share = Math.min(1, done / total)
    const filled = Math.round(share * WIDTH)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`
    return `${label} ${bar} ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`
  }
  return {
    update(done) {
      last = done
      if (stream.isTTY) {
        stream.write(`\r${line(done)}`)
        return
      }
      const step = total === undefined ? Math.floor(done / COUNT_STEP) : Math.floor((done / total) * 4)
      if (step > shown) {
        shown = step
        stream.write(`${line(done)}\n`)
      }
    },
    finish() {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const final = line(total ?? last)
      stream.write(`${stream.isTTY ? `\r${final}` : final} (${seconds} s)\n`)
    },
  }
}
