/** What officers send to the admin API, validated before anything is read or written. */
import type { Context } from 'hono'
import * as z from 'zod/mini'
import { OUTCOMES, RECORD_KINDS, SEVERITIES, VIOLATIONS } from '../../shared/agency/vocabulary.js'
import { isUscc } from '../../shared/identity/uscc.js'

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-04'))
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))

/** A record as an officer submits it; the id (a ULID the client makes) makes a retry harmless. */
export const RecordSubmission = z.strictObject({
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
export type RecordSubmission = z.infer<typeof RecordSubmission>

/** One line per problem, as `path: message`, short enough for an answer. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ')
    .slice(0, 500)
}

/** The request body parsed and validated, or the 400 answer that says why it is not. */
export async function readJson<T>(
  c: Context,
  schema: z.ZodMiniType<T>,
  emptyAs?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const text = await c.req.text()
  let input: unknown
  try {
    input = text === '' && emptyAs !== undefined ? emptyAs : JSON.parse(text)
  } catch {
    return { ok: false, response: c.json({ error: 'invalid_body', message: 'The body is not JSON' }, 400) }
  }
  const parsed = schema.safeParse(input)
  if (!parsed.success)
    return {
      ok: false,
      response: c.json({ error: 'invalid_body', message: describeIssues(parsed.error) }, 400),
    }
  return { ok: true, data: parsed.data }
}
