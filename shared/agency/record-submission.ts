/**
 * A credit record as an officer submits it (one at a time through the admin API, or many from a
 * file), validated the same way on both sides.
 */

import * as z from 'zod/mini'
import { isUscc } from '../identity/uscc.js'
import { recordProblem } from '../rating/input.js'
import { parseDate } from '../time/calendar.js'
import '../validation.js'
import { OUTCOMES, RECORD_KINDS, SEVERITIES, VIOLATIONS } from './vocabulary.js'

const date = z
  .string()
  .check(
    z.refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && parseDate(d) !== undefined, 'a date like 2026-12-04'),
  )
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))

/** A record as an officer submits it; the id (a ULID the client makes) makes a retry harmless. */
export const RecordSubmission = z
  .strictObject({
    uscc: z.string().check(z.refine(isUscc, 'a valid Unified Social Credit Code')),
    id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID (26 characters, Crockford base 32)')),
    occurredOn: date,
    kind: z.enum(RECORD_KINDS),
    severity: z.optional(z.enum(SEVERITIES)),
    outcome: z.optional(z.enum(OUTCOMES)),
    violation: z.optional(z.enum(VIOLATIONS)),
    year: z.optional(z.int().check(z.minimum(1990), z.maximum(2100))),
    fineYuan: z.optional(z.number().check(z.minimum(0), z.maximum(1e9))),
    title: z.strictObject({ zh: text(200), en: text(300) }),
    authority: text(100),
    documentNo: z.optional(text(100)),
    source: z.strictObject({ name: text(100), url: z.optional(z.string().check(z.url(), z.maxLength(500))) }),
  })
  .check(
    // The engine's own rules for a record (a negative record has a severity, an outcome fits its
    // kind, …): a record it could not rate is refused here, not discovered at rating time.
    z.superRefine((r, ctx) => {
      const problem = recordProblem({ ...r, status: 'effective' })
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: problem.message,
          path: problem.path ? [problem.path] : [],
          input: r,
        })
    }),
  )
export type RecordSubmission = z.infer<typeof RecordSubmission>
