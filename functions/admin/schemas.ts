/** Reading and validating what officers send to the admin API, before anything is read or written. */
import type { Context } from 'hono'
import type * as z from 'zod/mini'
import { describeIssues } from '../../shared/validation.js'

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
