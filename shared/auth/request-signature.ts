/**
 * Signed admin requests: every request to the admin API is a compact JWS (ES256) made with the
 * officer's private key, whose payload binds the method, the path, a sha256 of the body, the time
 * (`iat`) and a random nonce; the header names the officer and the key (`officer`, `kid`), so the
 * key is one direct read (`OFFICER#<id>` / `KEY#<kid>`). Checking it here is pure: the key
 * lookup and the clock are arguments, and the nonce is only returned, so that the caller can spend
 * it in the same transaction as the change it authorises (a rejected request writes nothing).
 */
import { compactVerify, type JWK } from 'jose'
import { OFFICER_ID } from '../agency/vocabulary.js'
import { canonicalJson, sha256 } from '../canonical/json.js'

export const ADMIN_JWS_TYPE = 'chengxin-admin+jws'
/** How far a request's iat may be from the server's clock. */
export const MAX_SKEW_MS = 5 * 60_000

export type RequestClaims = { method: string; path: string; bodySha256: string; iat: number; nonce: string }

/** What the server knows of a key. */
export type KnownKey = { jwk: JWK; officerId: string; status: 'active' | 'revoked' }

export type Rejection = {
  status: 401
  error:
    | 'missing_signature'
    | 'malformed_signature'
    | 'unknown_key'
    | 'revoked_key'
    | 'bad_signature'
    | 'request_mismatch'
    | 'body_mismatch'
    | 'stale_request'
  message: string
}

export type Accepted = { ok: true; officerId: string; kid: string; claims: RequestClaims; jws: string }

// The path claim is the request path with its query string (`/v1/admin/pending?cursor=…`).

/** The claims for a request, for the signing side. */
export function requestClaims(
  request: { method: string; path: string; body: string },
  iat: number,
  nonce: string,
): RequestClaims {
  return {
    method: request.method.toUpperCase(),
    path: request.path,
    bodySha256: sha256(request.body),
    iat,
    nonce,
  }
}

/** The compact JWS payload bytes of the claims (canonical JSON). */
export const claimsPayload = (claims: RequestClaims) => canonicalJson(claims)

const reject = (error: Rejection['error'], message: string): Rejection => ({ status: 401, error, message })

function decodeHeader(
  jws: string,
): { kid?: unknown; alg?: unknown; typ?: unknown; officer?: unknown } | undefined {
  try {
    const [header] = jws.split('.')
    return JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as { kid?: unknown }
  } catch {
    return undefined
  }
}

/** Checks a signed request; returns the officer and the claims, or why it is refused. */
export async function verifyRequest(
  jws: string | undefined,
  request: { method: string; path: string; body: string },
  keyOf: (officerId: string, kid: string) => Promise<KnownKey | undefined>,
  nowMs: number,
): Promise<Accepted | Rejection> {
  if (!jws)
    return reject(
      'missing_signature',
      'Admin requests must be signed: Authorization: Chengxin-JWS <compact JWS>',
    )
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws) || jws.length > 8192)
    return reject('malformed_signature', 'The signature is not a compact JWS')
  const header = decodeHeader(jws)
  if (
    header?.alg !== 'ES256' ||
    header.typ !== ADMIN_JWS_TYPE ||
    typeof header.kid !== 'string' ||
    typeof header.officer !== 'string' ||
    // A JWK thumbprint (RFC 7638, SHA-256) and an officer id: checked before any read.
    !/^[A-Za-z0-9_-]{43}$/.test(header.kid) ||
    !OFFICER_ID.test(header.officer)
  )
    return reject(
      'malformed_signature',
      `The JWS header must carry alg ES256, typ ${ADMIN_JWS_TYPE}, an officer id and the key's thumbprint as kid`,
    )
  const key = await keyOf(header.officer, header.kid)
  if (!key) return reject('unknown_key', `No officer key ${header.kid.slice(0, 64)} is registered`)
  if (key.status !== 'active') return reject('revoked_key', `Key ${header.kid.slice(0, 64)} has been revoked`)
  let claims: RequestClaims
  try {
    const { payload } = await compactVerify(jws, key.jwk, { algorithms: ['ES256'] })
    claims = JSON.parse(new TextDecoder().decode(payload)) as RequestClaims
  } catch {
    return reject('bad_signature', 'The signature does not verify with the registered key')
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    return reject('malformed_signature', 'The signed payload must be the request claims object')
  if (typeof claims.iat !== 'number' || Math.abs(nowMs - claims.iat * 1000) > MAX_SKEW_MS)
    return reject(
      'stale_request',
      'The request was signed more than 5 minutes from now; check the clock and sign it again',
    )
  if (claims.method !== request.method.toUpperCase() || claims.path !== request.path)
    return reject('request_mismatch', 'The signature was made for another method or path')
  if (claims.bodySha256 !== sha256(request.body))
    return reject('body_mismatch', 'The body is not the one that was signed')
  if (typeof claims.nonce !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(claims.nonce))
    return reject('malformed_signature', 'The nonce must be 16 to 64 URL-safe characters')
  return { ok: true, officerId: key.officerId, kid: header.kid, claims, jws }
}
