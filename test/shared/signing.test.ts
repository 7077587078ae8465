/** Attestations verify with jose against the JWKS; a flipped byte does not. */
import { createSign, generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { compactVerify, createLocalJWKSet, importJWK } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../shared/canonical/json.js'
import { ATTESTATION_TYPE, type AttestationClaims, attest } from '../../shared/signing/attestation.js'
import { localSigner } from '../../shared/signing/local-signer.js'
import { derToJose, jwks } from '../../shared/signing/signer.js'

const dir = mkdtempSync(join(tmpdir(), 'chengxin-keys-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const claims: AttestationClaims = {
  uscc: '91440101MA5TEQT04H',
  name: '广州市众信人力资源服务有限公司',
  grade: 'A',
  score: 1040,
  methodology: { id: 'ldt3002', version: '0.1.0' },
  asOf: '2026-12-04T02:00:00.000Z',
  contentHash: 'sha256:aa',
  issuedAt: '2026-12-04T03:00:00.000Z',
}

describe('attestations', () => {
  it('verify against the published JWKS and carry the canonical claims', async () => {
    const signer = await localSigner(join(dir, 'a.jwk.json'))
    const jws = await attest(signer, claims)
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks([signer])))
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: signer.kid, cty: ATTESTATION_TYPE })
    expect(new TextDecoder().decode(payload)).toBe(canonicalJson(claims))
  })

  it('fail verification when any byte of payload or signature is flipped', async () => {
    const signer = await localSigner(join(dir, 'a.jwk.json'))
    const jws = await attest(signer, claims)
    const keys = createLocalJWKSet(jwks([signer]))
    const [header, payload, signature] = jws.split('.') as [string, string, string]
    const flip = (part: string, at: number) => {
      const bytes = Buffer.from(part, 'base64url')
      const index = at % bytes.length
      bytes[index] = (bytes[index] ?? 0) ^ 1
      return bytes.toString('base64url')
    }
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), async (at, inPayload) => {
        const forged = inPayload
          ? `${header}.${flip(payload, at)}.${signature}`
          : `${header}.${payload}.${flip(signature, at)}`
        await expect(compactVerify(forged, keys)).rejects.toThrow()
      }),
      { numRuns: 50 },
    )
  })

  it('keeps the key across restarts, private to its owner', async () => {
    const file = join(dir, 'b.jwk.json')
    const first = await localSigner(file)
    const again = await localSigner(file)
    expect(again.kid).toBe(first.kid)
    expect(statSync(file).mode & 0o077).toBe(0)
    expect(first.publicJwk()).not.toHaveProperty('d')
  })
})

describe('derToJose', () => {
  it('turns DER ECDSA signatures (as KMS returns them) into JWS ES256 signatures', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' })
    const verifyKey = await importJWK({ ...jwk, alg: 'ES256' }, 'ES256')
    for (let i = 0; i < 20; i++) {
      const signingInput = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(`payload ${i}`).toString('base64url')}`
      const der = createSign('SHA256').update(signingInput).sign(privateKey)
      const jws = `${signingInput}.${Buffer.from(derToJose(der)).toString('base64url')}`
      await expect(compactVerify(jws, verifyKey)).resolves.toBeDefined()
    }
  })
})
