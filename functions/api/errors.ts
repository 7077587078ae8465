/**
 * The error policy: named errors carry their HTTP status and a user-facing message; anything else
 * is a bug, logged and answered with a generic 500 that reveals nothing.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { InvalidUsccError } from '../../shared/identity/uscc.js'
import {
  AlreadyExistsError,
  InvalidCursorError,
  isTransient,
  VersionConflictError,
} from '../../shared/store/errors.js'
import { jsonLog, type Log } from '../log.js'

/** The body of every error answer. */
export type ErrorBody = { error: string; message: string }

/** An error the API answers on purpose, with its code and status. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

function known(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error
  if (error instanceof InvalidUsccError) return new HttpError(400, 'invalid_uscc', error.message)
  if (error instanceof InvalidCursorError) return new HttpError(400, 'invalid_cursor', error.message)
  if (error instanceof AlreadyExistsError) return new HttpError(409, 'already_exists', error.message)
  if (error instanceof VersionConflictError) return new HttpError(409, 'version_conflict', error.message)
  if (isTransient(error))
    return new HttpError(
      503,
      'unavailable',
      'The registry is busy right now; nothing is wrong with your request. Try again in a few seconds / 系统繁忙，请稍后重试',
    )
  return undefined
}

/** Hono onError handler. */
export function onError(error: Error, c: Context, log: Log = jsonLog('api')): Response {
  const answer = known(error)
  if (answer) {
    if (answer.status === 503) {
      c.header('Retry-After', '2')
      c.header('Cache-Control', 'no-store')
    }
    return c.json<ErrorBody>({ error: answer.code, message: answer.message }, answer.status)
  }
  log('error', 'unhandled', {
    name: error.name,
    error: error.message,
    stack: error.stack,
    path: c.req.path.slice(0, 200),
  })
  return c.json<ErrorBody>(
    { error: 'internal', message: 'Something went wrong on our side; please try again.' },
    500,
  )
}
