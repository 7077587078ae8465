/**
 * The local signing adapter: an ES256 key generated once and kept as a JWK file under the data
 * folder (git-ignored), so attestations stay verifiable across restarts. Never in the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { publicKeyJwk, type Signer } from './signer.js'

/** Loads the key at `file`, creating it (mode 0600) on first use. */
export async function localSigner(file: string): Promise<Signer> {
  let privateJwk: JWK
  if (existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    privateJwk = await exportJWK(privateKey)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600 })
  }
  const key = await importJWK(privateJwk, 'ES256')
  const publicJwk = await publicKeyJwk(privateJwk)
  const kid = publicJwk.kid ?? ''
  return {
    kid,
    async sign(payload, contentType) {
      return new CompactSign(new TextEncoder().encode(payload))
        .setProtectedHeader({ alg: 'ES256', kid, cty: contentType })
        .sign(key)
    },
    publicJwk: () => publicJwk,
  }
}
