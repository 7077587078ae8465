/**
 * A per-client token bucket for the local server (in AWS, WAF limits rates): over the limit a
 * client gets 429 with Retry-After.
 */
import type { MiddlewareHandler } from 'hono'
import type { ErrorBody } from './errors.js'

export type RateLimit = {
  perSecond: number
  burst: number
  clientKey: (c: Parameters<MiddlewareHandler>[0]) => string
}

export function rateLimit(
  { perSecond, burst, clientKey }: RateLimit,
  now: () => number = Date.now,
): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return async (c, next) => {
    const key = clientKey(c)
    const t = now()
    const bucket = buckets.get(key) ?? { tokens: burst, at: t }
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond)
    bucket.at = t
    if (bucket.tokens < 1) {
      buckets.set(key, bucket)
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond))
      c.header('Retry-After', String(retryAfter))
      return c.json<ErrorBody>(
        { error: 'rate_limited', message: `Too many requests; try again in ${retryAfter} s.` },
        429,
      )
    }
    bucket.tokens -= 1
    buckets.set(key, bucket)
    if (buckets.size > 100_000) buckets.clear()
    await next()
  }
}
