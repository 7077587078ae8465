/** The signing side of admin requests (the CLI, tests): a compact JWS over the request's claims. */
import { randomBytes } from 'node:crypto'
import { CompactSign, importJWK, type JWK } from 'jose'
import { ADMIN_JWS_TYPE, claimsPayload, requestClaims } from './request-signature.js'

export type OfficerKeyPair = { officerId: string; kid: string; privateJwk: JWK }

/** Signs a request at `nowMs` with a fresh nonce (or the one given). */
export async function signRequest(
  key: OfficerKeyPair,
  request: { method: string; path: string; body: string },
  nowMs: number,
  nonce: string = randomBytes(18).toString('base64url'),
): Promise<string> {
  const claims = requestClaims(request, Math.floor(nowMs / 1000), nonce)
  return new CompactSign(new TextEncoder().encode(claimsPayload(claims)))
    .setProtectedHeader({ alg: 'ES256', typ: ADMIN_JWS_TYPE, kid: key.kid, officer: key.officerId })
    .sign(await importJWK(key.privateJwk, 'ES256'))
}
