/** Structured logs: one JSON object per line on stdout (CloudWatch and the local runner both read them). */
export type Log = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void

const RANK = { info: 0, warn: 1, error: 2 } as const

/** Logs JSON lines with a timestamp and the service name, from `minLevel` up. */
export function jsonLog(service: string, minLevel: keyof typeof RANK = 'info'): Log {
  return (level, msg, fields = {}) => {
    if (RANK[level] < RANK[minLevel]) return
    const line = JSON.stringify({ level, msg, service, time: new Date().toISOString(), ...fields })
    if (level === 'error') console.error(line)
    else console.log(line)
  }
}

/** A log that drops everything (tests, quiet CLIs). */
export const silentLog: Log = () => {}
