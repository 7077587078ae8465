/** Officer certificate chains, checked with Node's crypto against a root CA made for the test. */
import { webcrypto, X509Certificate } from 'node:crypto'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkCertificateChain } from '../../../shared/auth/certificate.js'
import { intermediateCa, officerCertificate, rootCa, type TestCa } from '../../fixtures/certificates.js'
import { officerKeyPair, type TestOfficer } from '../../fixtures/officers.js'

const FROM = new Date('2026-01-01T00:00:00Z')
const UNTIL = new Date('2028-01-01T00:00:00Z')
const NOW = new Date('2026-12-04T00:00:00Z')
let root: TestCa
let mid: TestCa
let officer: TestOfficer
let leaf: string

beforeAll(async () => {
  root = await rootCa('Chengxin Test Root', FROM, UNTIL)
  mid = await intermediateCa(root, '广东省人社厅 CA', FROM, UNTIL)
  officer = await officerKeyPair('gz-maker')
  leaf = await officerCertificate(mid, 'gz-maker', officer.publicJwk, FROM, new Date('2027-06-30T00:00:00Z'))
})

const check = (pems: string[], now = NOW, jwk = officer.publicJwk) =>
  checkCertificateChain(pems, new X509Certificate(root.pem), jwk as { x: string; y: string }, now)

describe('officer certificate chains', () => {
  it('accepts a leaf for the key through an intermediate to the root, valid until the earliest end', () => {
    expect(check([leaf, mid.pem])).toMatchObject({
      ok: true,
      subject: 'CN=gz-maker',
      notAfter: '2027-06-30T00:00:00.000Z',
    })
  })

  it('refuses a chain that skips its intermediate, comes from another root, or is for another key', async () => {
    expect(check([leaf])).toMatchObject({ ok: false, error: 'untrusted_certificate' })
    const stranger = await rootCa('Someone Else', FROM, UNTIL)
    const foreign = await officerCertificate(stranger, 'gz-maker', officer.publicJwk, FROM, UNTIL)
    expect(check([foreign, stranger.pem])).toMatchObject({ ok: false, error: 'untrusted_certificate' })
    const other = await officerKeyPair('someone')
    expect(check([leaf, mid.pem], NOW, other.publicJwk)).toMatchObject({
      ok: false,
      error: 'certificate_key_mismatch',
    })
  })

  it('refuses a leaf used as a CA, and any certificate outside its validity', async () => {
    const other = await officerKeyPair('other')
    // Signed with the officer's own key: the signature holds, but a leaf certifies no one.
    const privateKey = await webcrypto.subtle.importKey(
      'jwk',
      officer.privateJwk as webcrypto.JsonWebKey,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    )
    const asCa = { pem: leaf, keys: { privateKey, publicKey: privateKey }, name: 'CN=gz-maker' }
    const underLeaf = await officerCertificate(asCa, 'other', other.publicJwk, FROM, UNTIL)
    expect(check([underLeaf, leaf, mid.pem], NOW, other.publicJwk)).toMatchObject({
      ok: false,
      error: 'untrusted_certificate',
    })
    expect(check([leaf, mid.pem], new Date('2027-07-01T00:00:00Z'))).toMatchObject({
      ok: false,
      error: 'untrusted_certificate',
      message: expect.stringContaining('not valid now'),
    })
    expect(check([leaf, mid.pem], new Date('2025-12-31T00:00:00Z'))).toMatchObject({ ok: false })
  })

  it('refuses anything that is not a certificate, and without a root trusts nothing', () => {
    expect(check([])).toMatchObject({ ok: false, error: 'invalid_certificate' })
    expect(check(['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'])).toMatchObject({
      ok: false,
      error: 'invalid_certificate',
    })
    expect(checkCertificateChain([leaf, mid.pem], undefined, officer.publicJwk as never, NOW)).toMatchObject({
      ok: false,
      error: 'untrusted_certificate',
    })
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 6 }), (pems) => {
        expect(check(pems).ok).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})
