/**
 * zod (mini) as Chengxin uses it: with English messages that say what was expected ("Invalid
 * option: expected one of …", "Unrecognized key: …"), since mini ships none by default and a bare
 * "Invalid input" helps no officer fix a file. Import `z` from here, never from 'zod/mini'.
 */
import * as z from 'zod/mini'

z.config(z.locales.en())

export { z }

/** One `path: message` per problem, joined, short enough for an answer. */
export function describeIssues(error: z.core.$ZodError, root = 'body', max = 500): string {
  return error.issues
    .map((i) => `${i.path.join('.') || root}: ${i.message}`)
    .join('; ')
    .slice(0, max)
}
