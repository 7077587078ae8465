/** Named store errors; only the API edge maps them to HTTP. */

/** A create found the item already there. */
export class AlreadyExistsError extends Error {
  override name = 'AlreadyExistsError'
}

/** An update named a version that is no longer current: someone else wrote first. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError'
}

/** A request nonce that was already spent: the request is a replay. */
export class ReplayError extends Error {
  override name = 'ReplayError'
}

/** A paging cursor that this store did not issue. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
}

/** An audit event that would leave a gap, a fork or a wrong link in the chain. */
export class ChainBrokenError extends Error {
  override name = 'ChainBrokenError'
}

/** The current rating changed since it was read: read again and recompute. */
export class RatingConflictError extends Error {
  override name = 'RatingConflictError'
}

/** The key that signed a request was revoked before its change could land. */
export class RevokedKeyError extends Error {
  override name = 'RevokedKeyError'
}

/** A public key that is already registered to another officer. */
export class KeyClaimedError extends Error {
  override name = 'KeyClaimedError'
}

const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TransactionInProgressException',
])

/** DynamoDB was busy, slow or unreachable: the request may succeed if sent again shortly. */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $retryable?: unknown } | null
  if (!e || typeof e !== 'object') return false
  return (
    TRANSIENT.has(e.name ?? '') ||
    e.$retryable !== undefined ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(e.code ?? '')
  )
}
