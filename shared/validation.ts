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

/** One problem as `path: message` (`root` when it is about the whole value). */
export const issueLine = (issue: z.core.$ZodIssue, root: string) =>
  `${issue.path.join('.') || root}: ${issue.message}`

/** Every problem as `path: message`, joined, short enough for an answer. */
export function describeIssues(error: z.core.$ZodError, root = 'body', max = 500): string {
  return error.issues
    .map((i) => issueLine(i, root))
    .join('; ')
    .slice(0, max)
}

/** Text a person typed: trimmed, not empty, at most `max` characters. */
export const typedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))
