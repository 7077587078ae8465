/**
 * The admin API's gate: every request must carry `Authorization: Chengxin-JWS <compact JWS>` signed
 * by a registered, active officer key over this very request (shared/auth/request-signature.ts).
 * A refused request gets its own 401 code and reaches no handler, so it writes nothing.
 */
import type { MiddlewareHandler } from 'hono'
import type { JWK } from 'jose'
import { type Accepted, verifyRequest } from '../../shared/auth/request-signature.js'
import type { Store } from '../../shared/store/store.js'

export type Officer = Accepted & { roles: string[]; regionScope: string; authority: string; name?: string }
export type AdminEnv = { Variables: { officer: Officer } }

const SCHEME = /^Chengxin-JWS\s+(\S+)$/

export function requireSignature(
  store: Pick<Store, 'getOfficerKey'>,
  now: () => Date,
): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const jws = SCHEME.exec(c.req.header('authorization') ?? '')?.[1]
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text()
    let found: Awaited<ReturnType<Store['getOfficerKey']>>
    const result = await verifyRequest(
      jws,
      // The query is signed too: a cursor or filter cannot be changed on the way.
      { method: c.req.method, path: pathAndQuery(c.req.url), body },
      async (officerId, kid) => {
        found = await store.getOfficerKey(officerId, kid)
        return found ? { jwk: found.jwk as JWK, officerId, status: found.status } : undefined
      },
      now().getTime(),
    )
    if (!('ok' in result)) return c.json({ error: result.error, message: result.message }, result.status)
    const key = found as NonNullable<typeof found>
    if (key.certificate && now().getTime() > Date.parse(key.certificate.notAfter))
      return c.json(
        {
          error: 'certificate_expired',
          message: `The certificate of key ${key.kid} ended on ${key.certificate.notAfter}; register a renewed one`,
        },
        401,
      )
    c.set('officer', {
      ...result,
      roles: key.roles,
      regionScope: key.regionScope,
      authority: key.authority,
      ...(key.name ? { name: key.name } : {}),
    })
    await next()
  }
}

/** The path and query string of a URL, as the signer signed them. */
export function pathAndQuery(url: string): string {
  const { pathname, search } = new URL(url)
  return `${pathname}${search}`
}
