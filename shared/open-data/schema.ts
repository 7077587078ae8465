/**
 * The schema of an open-data row (format 1.0), as zod/mini: the export validates every row against
 * it before publishing, the verify tool validates every row it reads, and the JSON Schema file
 * published beside the data is generated from it.
 */

import * as z from 'zod/mini'
import { toJSONSchema } from 'zod/v4/core'
import {
  AGENCY_STATUSES,
  GRADES,
  OUTCOMES,
  PERMIT_KINDS,
  PERMIT_STATUSES,
  RECORD_KINDS,
  SECTORS,
  SERVICE_TYPES,
  SEVERITIES,
  VIOLATIONS,
} from '../agency/vocabulary.js'
import { isUscc } from '../identity/uscc.js'
import '../validation.js'
import type { ExportRow } from './row.js'

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))
const instant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/))
const hash = z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/))
const tenths = z.int()
const label = z.object({ zh: z.string(), en: z.string() })

export const ExportRecordSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.enum(RECORD_KINDS),
  severity: z.nullable(z.enum(SEVERITIES.filter((s) => s !== 'minor') as ['general', 'serious'])),
  outcome: z.nullable(z.enum(OUTCOMES)),
  violation: z.nullable(z.enum(VIOLATIONS)),
  occurredOn: date,
  authority: z.string(),
  documentNo: z.nullable(z.string()),
  title: label,
  status: z.enum(['effective', 'under_objection']),
  countsUntil: z.nullable(instant),
  points: tenths,
  source: z.strictObject({ name: z.string(), url: z.nullable(z.string()) }),
  lastVerifiedAt: instant,
})

export const ExportRowSchema = z.strictObject({
  uscc: z.string().check(z.refine(isUscc, 'a valid USCC')),
  name: z.string().check(z.minLength(1)),
  aliases: z.array(z.string()),
  region: z.string().check(z.regex(/^\d{6}$/)),
  regionName: z.nullable(z.string()),
  sector: z.enum(SECTORS),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  status: z.enum(AGENCY_STATUSES),
  foundedOn: date,
  permits: z.array(
    z.strictObject({
      kind: z.enum(PERMIT_KINDS),
      number: z.string(),
      authority: z.string(),
      issuedOn: date,
      validUntil: z.nullable(date),
      status: z.enum(PERMIT_STATUSES),
    }),
  ),
  rating: z.nullable(
    z.strictObject({
      grade: z.enum(GRADES),
      notRated: z.nullable(
        z.enum(['out_of_scope', 'deregistered', 'under_review', 'too_new', 'insufficient_data']),
      ),
      score: z.nullable(z.strictObject({ base: tenths, bonus: tenths, total: tenths })),
      asOf: instant,
      validUntil: z.nullable(instant),
      methodology: z.strictObject({ id: z.string(), version: z.string() }),
      contentHash: hash,
      inputsHash: hash,
      indicators: z.array(
        z.strictObject({ id: z.string(), earned: tenths, max: tenths, applicable: z.boolean() }),
      ),
      vetoes: z.array(z.string()),
      caps: z.array(z.string()),
    }),
  ),
  records: z.array(ExportRecordSchema),
  demo: z.boolean(),
})

/** The JSON Schema (draft 2020-12) of a row, as published in record.schema.json. */
export function rowJsonSchema(): Record<string, unknown> {
  return {
    ...(toJSONSchema(ExportRowSchema) as Record<string, unknown>),
    title: 'Chengxin open data: one agency (row format 1.0)',
  }
}

/** Compile-time proof that the schema and the row type say the same. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export type SchemaMatchesRow = Same<z.infer<typeof ExportRowSchema>, ExportRow> extends true ? true : never
export const schemaMatchesRow: SchemaMatchesRow = true
