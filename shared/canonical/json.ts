/**
 * Canonical JSON (RFC 8785, JCS) and SHA-256 over it: every hash and signature in Chengxin is
 * computed this way, so anyone can recompute it from the published data.
 */
import { createHash } from 'node:crypto'

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers as ECMAScript's JSON.stringify writes them (which is what JCS prescribes).
 * `undefined` members are dropped, as JSON.stringify does; non-finite numbers are refused.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot serialise ${value} as JSON`)
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (value === null) return 'null'
      if (Array.isArray(value)) {
        let out = '['
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ','
          const item = value[i]
          out += item === undefined ? 'null' : canonicalJson(item)
        }
        return `${out}]`
      }
      const record = value as Record<string, unknown>
      const keys = Object.keys(record).sort()
      let out = '{'
      let first = true
      for (const key of keys) {
        const item = record[key]
        if (item === undefined) continue
        if (!first) out += ','
        first = false
        out += `${JSON.stringify(key)}:${canonicalJson(item)}`
      }
      return `${out}}`
    }
    default:
      throw new TypeError(`cannot serialise a ${typeof value} as JSON`)
  }
}

/** `sha256:<hex>` of a string's UTF-8 bytes. */
export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`
}

/** `sha256:<hex>` of a value's canonical JSON. */
export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value))
}
