/** What the local command-line tools share: failing with a message, integer options, broken pipes. */

/** Prints the message to stderr and exits with status 1. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

/** Parses a whole number within bounds, or fails naming the option and showing the usage. */
export function integerOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  usage: string,
): number {
  const value = Number(raw)
  if (raw === undefined || raw.trim() === '' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(`--${name} must be a whole number from ${min} to ${max}; got "${raw ?? ''}"\n${usage}`)
  }
  return value
}

/**
 * A closed terminal or pipe (`npm start | head`) must not crash the tool, nor make it loop writing
 * errors about the write that failed.
 */
export function ignoreBrokenPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
    })
  }
}

/** Runs a CLI's main function: any failure is one line on stderr and exit status 1. */
export function runMain(main: () => Promise<void>): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  ignoreBrokenPipes()
  main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
}
