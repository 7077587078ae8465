/**
 * Officer certificates (电子认证): an officer key may come with an X.509 chain, leaf first, that must
 * lead to the configured root CA. Checked with Node's crypto only: each certificate issued and
 * signed by the next, the last by the root, every one within its validity at `now`, and the leaf's
 * public key the very key being registered.
 */
import { createPublicKey, type JsonWebKey, X509Certificate } from 'node:crypto'

export type CertificateCheck =
  | { ok: true; subject: string; notAfter: string; fingerprint256: string }
  | {
      ok: false
      error: 'invalid_certificate' | 'untrusted_certificate' | 'certificate_key_mismatch'
      message: string
    }

const MAX_CHAIN = 5

/** Parses a PEM bundle of one or more certificates; throws on anything else. */
export function parseCertificates(pems: readonly string[]): X509Certificate[] {
  return pems.map((pem) => new X509Certificate(pem))
}

export function checkCertificateChain(
  pems: readonly string[],
  root: X509Certificate | undefined,
  jwk: { x: string; y: string },
  now: Date,
): CertificateCheck {
  if (!root)
    return {
      ok: false,
      error: 'untrusted_certificate',
      message:
        'No root CA is configured here, so no certificate can be trusted; register the key without one',
    }
  if (pems.length === 0 || pems.length > MAX_CHAIN)
    return {
      ok: false,
      error: 'invalid_certificate',
      message: `Send 1 to ${MAX_CHAIN} certificates, leaf first`,
    }
  let chain: X509Certificate[]
  try {
    chain = parseCertificates(pems)
  } catch {
    return {
      ok: false,
      error: 'invalid_certificate',
      message: 'A certificate is not a PEM X.509 certificate',
    }
  }
  for (const [i, cert] of chain.entries()) {
    const issuer = chain[i + 1] ?? root
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      return {
        ok: false,
        error: 'untrusted_certificate',
        message: `Certificate ${i + 1} is not signed by ${i + 1 < chain.length ? `certificate ${i + 2}` : 'the root CA'}`,
      }
    if (i > 0 && cert.ca === false)
      return { ok: false, error: 'untrusted_certificate', message: `Certificate ${i + 1} is not a CA` }
  }
  for (const [i, cert] of [...chain, root].entries()) {
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo))
      return {
        ok: false,
        error: 'untrusted_certificate',
        message: `${i < chain.length ? `Certificate ${i + 1}` : 'The root CA'} is not valid now (${cert.validFrom} – ${cert.validTo})`,
      }
  }
  const leaf = chain[0] as X509Certificate
  const leafKey = leaf.publicKey.export({ format: 'jwk' }) as JsonWebKey
  if (leafKey.crv !== 'P-256' || leafKey.x !== jwk.x || leafKey.y !== jwk.y)
    return {
      ok: false,
      error: 'certificate_key_mismatch',
      message: 'The certificate is for another key than the one being registered',
    }
  const notAfter = new Date(Math.min(...[...chain, root].map((c) => new Date(c.validTo).getTime())))
  return {
    ok: true,
    subject: leaf.subject,
    notAfter: notAfter.toISOString(),
    fingerprint256: leaf.fingerprint256,
  }
}

/** Reads the configured root CA (PEM text), failing with a message that names the setting. */
export function loadRootCa(pem: string | undefined, setting: string): X509Certificate | undefined {
  if (!pem) return undefined
  try {
    const root = new X509Certificate(pem)
    createPublicKey(root.publicKey)
    return root
  } catch {
    throw new Error(`${setting} is not a PEM X.509 certificate`)
  }
}
