/**
 * The signing port: compact JWS (ES256) over bytes, and the public key to check them. A local
 * adapter keeps a key under the data folder; the AWS adapter signs with KMS (ECC_NIST_P256).
 */
import { calculateJwkThumbprint, type JWK } from 'jose'

export type Signer = {
  /** RFC 7638 thumbprint of the public key. */
  readonly kid: string
  /** A compact JWS with header { alg: ES256, kid, cty }. */
  sign(payload: string, contentType: string): Promise<string>
  /** The public key as a JWK with kid, alg and use. */
  publicJwk(): JWK
}

/** The JWK Set a verifier needs. */
export function jwks(signers: readonly Signer[]): { keys: JWK[] } {
  return { keys: signers.map((s) => s.publicJwk()) }
}

/** The public part of an EC JWK, labelled for verifiers. */
export async function publicKeyJwk(key: JWK): Promise<JWK> {
  const { kty, crv, x, y } = key
  const kid = await calculateJwkThumbprint({ kty, crv, x, y } as JWK)
  return { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' }
}

const encoder = new TextEncoder()

/** base64url of bytes or a string's UTF-8. */
export function base64url(data: Uint8Array | string): string {
  return Buffer.from(typeof data === 'string' ? encoder.encode(data) : data).toString('base64url')
}

/**
 * An ECDSA signature as DER (SEQUENCE of INTEGER r, INTEGER s), as KMS and OpenSSL give it, turned
 * into the fixed 64-byte r‖s that JWS ES256 wants.
 */
export function derToJose(der: Uint8Array, size = 32): Uint8Array {
  let offset = 0
  const expect = (tag: number) => {
    if (der[offset++] !== tag) throw new Error('not a DER ECDSA signature')
  }
  const length = () => {
    let len = der[offset++] ?? 0
    if (len & 0x80) {
      const bytes = len & 0x7f
      len = 0
      for (let i = 0; i < bytes; i++) len = (len << 8) | (der[offset++] ?? 0)
    }
    return len
  }
  expect(0x30)
  length()
  const integer = () => {
    expect(0x02)
    const len = length()
    let value = der.subarray(offset, offset + len)
    offset += len
    while (value.length > size && value[0] === 0) value = value.subarray(1)
    if (value.length > size) throw new Error('integer too long for the curve')
    const out = new Uint8Array(size)
    out.set(value, size - value.length)
    return out
  }
  const r = integer()
  const s = integer()
  const out = new Uint8Array(size * 2)
  out.set(r, 0)
  out.set(s, size)
  return out
}
