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
    case 'object':
      if (value === null) return 'null'
      return Object.isFrozen(value) ? frozenJson(value) : serialize(value)
    default:
      throw new TypeError(`cannot serialise a ${typeof value} as JSON`)
  }
}

/** Canonical JSON of an array or a plain object. */
function serialize(value: object): string {
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
  // Fast path for the commonest object, a { zh, en } label: keys "en" < "zh".
  const { zh, en } = record
  if (typeof zh === 'string' && typeof en === 'string') {
    let count = 0
    for (const _ in record) count++
    if (count === 2) return `{"en":${JSON.stringify(en)},"zh":${JSON.stringify(zh)}}`
  }
  const keys = sortedKeys(record)
  let out = '{'
  let first = true
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    if (!first) out += ','
    first = false
    out += quotedKey(key)
    out += canonicalJson(item)
  }
  return `${out}}`
}

/** An object's keys in UTF-16 code-unit order; most objects are built in that order already. */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record)
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort()
  }
  return keys
}

/** `"key":` for a key; the same few keys recur, so their quoted form is kept. */
const quoted = new Map<string, string>()
function quotedKey(key: string): string {
  let q = quoted.get(key)
  if (q === undefined) {
    q = `${JSON.stringify(key)}:`
    if (quoted.size < 10_000) quoted.set(key, q)
  }
  return q
}

/**
 * Frozen objects cannot change, so their canonical form is computed once. Methodology text (names,
 * fixed sentences) and results shared between ratings are frozen; this makes hashing a rating
 * mostly a matter of joining strings already made.
 */
const frozenCache = new WeakMap<object, string>()

function frozenJson(value: object): string {
  let json = frozenCache.get(value)
  if (json === undefined) {
    json = serialize(value)
    frozenCache.set(value, json)
  }
  return json
}

/** `sha256:<hex>` of a string's UTF-8 bytes. */
export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`
}

/** `sha256:<hex>` of a value's canonical JSON. */
export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value))
}
