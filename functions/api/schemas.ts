/**
 * The public API's inputs, as zod/mini schemas: they validate requests at run time (zod/mini keeps
 * the Lambda bundle small) and generate the OpenAPI document (npm run openapi).
 */

import * as z from 'zod/mini'
import { GRADES, SERVICE_TYPES } from '../../shared/agency/vocabulary.js'
import { BADGE_STYLES } from '../../shared/badge/render.js'
import '../../shared/validation.js'

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-04'))

/** `?lang=` for texts that come in one language. */
export const Lang = z._default(z.enum(['zh', 'en']), 'zh')

export const DetailQuery = z.object({
  /** The grade as it was on this CST date (from the rating history). */
  asOf: z.optional(date),
})

export const HistoryQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
})

export const SearchQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  /** GB/T 2260 code or prefix: 44 (Guangdong), 4401 or 440100 (Guangzhou). */
  region: z.optional(
    z.string().check(z.regex(/^\d{2}(\d{2}(\d{2})?)?$/, '2, 4 or 6 digits of a GB/T 2260 code')),
  ),
  grade: z.optional(z.enum(GRADES)),
  serviceType: z.optional(z.enum(SERVICE_TYPES)),
  cursor: z.optional(z.string().check(z.maxLength(512))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
})

export const BadgeQuery = z.object({
  style: z._default(z.enum(BADGE_STYLES), 'flat'),
  lang: Lang,
  theme: z._default(z.enum(['light', 'dark']), 'light'),
  /** `1`: a grey "not found" badge instead of a 404 for an unknown agency. */
  fallback: z.optional(z.enum(['0', '1'])),
})

export const BadgeJsonQuery = z.object({ lang: Lang })

export const NoQuery = z.object({})
