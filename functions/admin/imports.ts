/**
 * POST /v1/admin/imports: many records from an officer's file at once (the CLI sends a file in
 * batches). The whole batch is checked first (schema, role, agency on the register, region, id not
 * taken by another record) and any problem refuses the whole batch, naming each row; with
 * `dryRun` nothing more happens. Otherwise every row becomes a pending record exactly as one
 * submitted alone, each with its own audit event; a row already there from an earlier attempt
 * counts as present, so re-sending a batch (signed anew) is harmless; replaying the same signed
 * batch is refused.
 */
import type { Hono } from 'hono'
import * as z from 'zod/mini'
import { RecordSubmission } from '../../shared/agency/record-submission.js'
import type { Agency } from '../../shared/store/entities/agency.js'
import type { Store } from '../../shared/store/store.js'
import '../../shared/validation.js'
import type { AdminEnv } from './auth.js'
import { partOf, spendRequestNonce } from './commit.js'
import { checkSubmission, type RecordStore, sameSubmission, writeSubmission } from './records.js'
import { readJson } from './schemas.js'

export const MAX_IMPORT_BATCH = 200

const ImportBatch = z.strictObject({
  records: z.array(RecordSubmission).check(z.minLength(1), z.maxLength(MAX_IMPORT_BATCH)),
  dryRun: z.optional(z.boolean()),
})

type RowProblem = { index: number; error: string; message: string }

export function importRoutes(
  app: Hono<AdminEnv>,
  store: RecordStore & Pick<Store, 'spendNonce'>,
  now: () => Date,
) {
  app.post('/v1/admin/imports', async (c) => {
    const officer = c.get('officer')
    const body = await readJson(c, ImportBatch)
    if (!body.ok) return body.response
    const { records, dryRun } = body.data
    if (!officer.roles.includes('maker'))
      return c.json(
        { error: 'forbidden_role', message: 'Only officers with the maker role import records' },
        403,
      )
    const problems: RowProblem[] = []
    const agencies: Agency[] = []
    const present = new Set<number>()
    const seen = new Map<string, number>()
    for (const [index, r] of records.entries()) {
      const key = `${r.uscc}/${r.occurredOn}/${r.id}`
      if (seen.has(key)) {
        problems.push({ index, error: 'duplicate_row', message: `the same id as row ${seen.get(key)}` })
        continue
      }
      seen.set(key, index)
      const checked = await checkSubmission(store, officer, r)
      if ('status' in checked) {
        problems.push({ index, error: checked.error, message: checked.message })
        continue
      }
      agencies[index] = checked.agency
      const existing = await store.getRecord(r.uscc, r.occurredOn, r.id)
      if (existing && !sameSubmission(existing, r))
        problems.push({ index, error: 'id_taken', message: `id ${r.id} is already used by another record` })
      else if (existing) present.add(index)
    }
    if (problems.length > 0)
      return c.json(
        {
          error: 'invalid_rows',
          message: `${problems.length} of ${records.length} rows cannot be imported; nothing was imported`,
          rows: problems,
        },
        422,
      )
    if (dryRun) return c.json({ dryRun: true, valid: records.length, alreadyPresent: present.size })

    const at = now()
    // A replay of this signed batch is refused before any row; each row spends its own nonce.
    const replayed = await spendRequestNonce(store, officer, at)
    if (replayed) return c.json({ error: replayed.error, message: replayed.message }, replayed.status)
    let imported = 0
    for (const [index, r] of records.entries()) {
      if (present.has(index)) continue
      const written = await writeSubmission(store, partOf(officer, index), at, r, agencies[index] as Agency)
      if ('created' in written) imported++
      else if ('duplicate' in written) present.add(index)
      else
        return c.json(
          {
            error: written.error,
            message: `row ${index}: ${written.message}; ${imported} rows before it were imported, send the batch again to finish`,
            imported,
          },
          written.status,
        )
    }
    return c.json({ imported, alreadyPresent: present.size }, imported > 0 ? 201 : 200)
  })
}
