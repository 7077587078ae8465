/** Signed admin requests: what is accepted, and each way a request is refused. */
import fc from 'fast-check'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { type KnownKey, verifyRequest } from '../../../shared/auth/request-signature.js'
import { type OfficerKeyPair, signRequest } from '../../../shared/auth/sign-request.js'

const NOW = Date.parse('2026-12-04T02:00:00.000Z')
let officer: OfficerKeyPair & { publicJwk: JWK }
let stranger: OfficerKeyPair
const keys = new Map<string, KnownKey>()
const keyOf = async (officerId: string, kid: string) => {
  const key = keys.get(kid)
  return key?.officerId === officerId ? key : undefined
}
const request = { method: 'POST', path: '/v1/admin/records', body: '{"uscc":"91440101MA5TEQT04H"}' }

async function keyPair(officerId: string): Promise<OfficerKeyPair & { publicJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  return { officerId, kid, privateJwk: await exportJWK(privateKey), publicJwk }
}

beforeAll(async () => {
  officer = await keyPair('gz-001')
  stranger = await keyPair('gz-009')
  keys.set(officer.kid, { jwk: officer.publicJwk, officerId: 'gz-001', status: 'active' })
})

describe('verifyRequest', () => {
  it('accepts a request signed by a registered key, and names the officer and the nonce', async () => {
    const jws = await signRequest(officer, request, NOW, 'n'.repeat(24))
    expect(await verifyRequest(jws, request, keyOf, NOW + 60_000)).toMatchObject({
      ok: true,
      officerId: 'gz-001',
      kid: officer.kid,
      claims: { method: 'POST', path: request.path, nonce: 'n'.repeat(24) },
    })
  })

  it('refuses each kind of bad request with its own code', async () => {
    const jws = await signRequest(officer, request, NOW)
    const code = async (...args: Parameters<typeof verifyRequest>) => {
      const result = await verifyRequest(...args)
      return 'ok' in result ? 'accepted' : `${result.status} ${result.error}`
    }
    expect(await code(undefined, request, keyOf, NOW)).toBe('401 missing_signature')
    expect(await code('not a jws', request, keyOf, NOW)).toBe('401 malformed_signature')
    expect(await code(await signRequest(stranger, request, NOW), request, keyOf, NOW)).toBe('401 unknown_key')
    expect(await code(jws, { ...request, path: '/v1/admin/officers' }, keyOf, NOW)).toBe(
      '401 request_mismatch',
    )
    expect(await code(jws, { ...request, method: 'DELETE' }, keyOf, NOW)).toBe('401 request_mismatch')
    expect(await code(jws, { ...request, body: '{"uscc":"x"}' }, keyOf, NOW)).toBe('401 body_mismatch')
    expect(await code(jws, request, keyOf, NOW + 5 * 60_000 + 1_000)).toBe('401 stale_request')
    expect(await code(jws, request, keyOf, NOW - 5 * 60_000 - 1_000)).toBe('401 stale_request')
    // Signed by the stranger but claiming the officer's kid.
    const [header] = jws.split('.')
    const forged = await signRequest({ ...stranger, officerId: 'gz-001', kid: officer.kid }, request, NOW)
    const [, payload, signature] = forged.split('.')
    expect(await code(`${header}.${payload}.${signature}`, request, keyOf, NOW)).toBe('401 bad_signature')
    const revoked = async (_officer: string, kid: string) => ({
      ...(keys.get(kid) as KnownKey),
      status: 'revoked' as const,
    })
    // This officer's key named under another officer: there is no such key.
    const misnamed = await signRequest({ ...officer, officerId: 'gz-009' }, request, NOW)
    expect(await code(misnamed, request, keyOf, NOW)).toBe('401 unknown_key')
    expect(await code(jws, request, revoked, NOW)).toBe('401 revoked_key')
  })

  it('refuses any byte flipped in the signature, and never throws on garbage', async () => {
    const jws = await signRequest(officer, request, NOW)
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: jws.length - 1 }), async (at) => {
        if (jws[at] === '.') return
        // Flip the character's top bit: the low bits of a last character can be padding.
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
        const swapped = alphabet[alphabet.indexOf(jws[at] as string) ^ 32]
        const flipped = `${jws.slice(0, at)}${swapped}${jws.slice(at + 1)}`
        const result = await verifyRequest(flipped, request, keyOf, NOW)
        expect('ok' in result).toBe(false)
      }),
      { numRuns: 60 },
    )
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (garbage) => {
        const result = await verifyRequest(garbage, request, keyOf, NOW)
        expect('ok' in result).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
