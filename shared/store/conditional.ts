/**
 * Conditional writes that are safe to retry. If a write lands but its answer is lost, the SDK's
 * retry meets its own write and the condition fails; when what is stored is exactly what we meant
 * to write, that is success, not a conflict.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { canonicalJson } from '../canonical/json.js'
import { AlreadyExistsError, VersionConflictError } from './errors.js'

/** The condition for writing `version`: version 1 creates, any other replaces the one before it. */
export function versionCondition<K extends string>(keyAttr: K, version: number) {
  return version === 1
    ? { attr: keyAttr, exists: false as const }
    : { attr: 'version' as const, eq: version - 1 }
}

/**
 * Runs a conditional put. A failed condition is success when the stored item equals `intended`,
 * else AlreadyExistsError (creating) or VersionConflictError (replacing).
 */
export async function putOnce(
  intended: object & { version?: number },
  put: () => Promise<unknown>,
  readBack: () => Promise<unknown>,
): Promise<void> {
  try {
    await put()
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
    if (sameItem(await readBack(), intended)) return
    if (intended.version === undefined || intended.version === 1)
      throw new AlreadyExistsError('the item already exists')
    throw new VersionConflictError(`version ${intended.version - 1} is no longer current`)
  }
}

/** Equal as canonical JSON (absent and undefined fields alike). */
export function sameItem(a: unknown, b: unknown): boolean {
  return a !== undefined && canonicalJson(a) === canonicalJson(b)
}
