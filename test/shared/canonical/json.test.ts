import canonicalize from 'canonicalize'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, hashOf } from '../../../shared/canonical/json.js'

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: { z: 0, A: -1.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"é":{"A":-1.5,"z":0}}',
    )
    // "\u{1F600}" sorts by its surrogates, below "\uFB33" though its code point is higher.
    expect(canonicalJson({ '\uFB33': 1, '\u{1F600}': 2 })).toBe('{"\u{1F600}":2,"\uFB33":1}')
  })

  it('matches the reference implementation (canonicalize) on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value))
      }),
      { numRuns: 500 },
    )
  })

  it('is the same for the same content whatever the key order', () => {
    expect(hashOf({ a: 1, b: { c: 'x', d: [1, 2] } })).toBe(hashOf({ b: { d: [1, 2], c: 'x' }, a: 1 }))
    expect(hashOf({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError)
  })
})
