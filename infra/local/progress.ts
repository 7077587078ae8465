/** A progress bar for long local work: redrawn in place on a terminal, a line per quarter otherwise. */
const WIDTH = 30

/** A running progress display. */
export type Progress = { update(done: number): void; finish(): void }

/** Starts a progress display for `total` steps. */
export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stdout,
): Progress {
  const started = Date.now()
  let lastQuarter = -1
  const line = (done: number) => {
    const share = total === 0 ? 1 : Math.min(1, done / total)
    const filled = Math.round(share * WIDTH)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`
    return `${label} ${bar} ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`
  }
  return {
    update(done) {
      if (stream.isTTY) {
        stream.write(`\r${line(done)}`)
        return
      }
      const quarter = Math.floor((done / Math.max(total, 1)) * 4)
      if (quarter > lastQuarter) {
        lastQuarter = quarter
        stream.write(`${line(done)}\n`)
      }
    },
    finish() {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      stream.write(`${stream.isTTY ? `\r${line(total)}` : line(total)} (${seconds} s)\n`)
    },
  }
}
