/**
 * zod (mini) as Chengxin uses it: with English messages that say what was expected ("Invalid
 * option: expected one of …", "Unrecognized key: …"), since mini ships none by default and a bare
 * "Invalid input" helps no officer fix a file. Every module with a schema imports this module (for
 * the messages) beside `import * as z from 'zod/mini'`; the namespace is not re-exported from here,
 * since a re-exported namespace keeps every locale in the Lambda bundles.
 */

import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'

// English only: `z.locales` would bring every language into the Lambda bundles (~400 KB).
z.config(en())

/** One `path: message` per problem, joined, short enough for an answer. */
export function describeIssues(error: z.core.$ZodError, root = 'body', max = 500): string {
  return error.issues
    .map((i) => `${i.path.join('.') || root}: ${i.message}`)
    .join('; ')
    .slice(0, max)
}
