/**
 * The repository: the verbs the rest of Chengxin uses to read and write the table. Nothing outside
 * shared/store/ builds a DynamoDB command. The verbs live by concern in verbs/.
 */
import type { CheckpointInput } from './entities/checkpoint.js'
import { type StoreOptions, storeParts } from './parts.js'
import { agencyVerbs } from './verbs/agencies.js'
import { auditVerbs } from './verbs/audit.js'
import { objectionVerbs } from './verbs/objections.js'
import { officerVerbs } from './verbs/officers.js'
import { ratingVerbs } from './verbs/ratings.js'
import { scanVerbs } from './verbs/scans.js'

export type { StoreOptions } from './parts.js'
export type { DirectoryItem, ExportItem, ScannedItem } from './verbs/scans.js'

/** Builds the repository over one table. */
export function createStore(options: StoreOptions) {
  const parts = storeParts(options)
  const { agencies, checkpoints } = parts
  return {
    ...scanVerbs(parts),
    ...agencyVerbs(parts),
    ...ratingVerbs(parts),
    ...objectionVerbs(parts),
    ...auditVerbs(parts),
    ...officerVerbs(parts),
    /** A job's checkpoint for one segment, or undefined. */
    async getCheckpoint(job: string, segment: number) {
      return (await checkpoints.get({ job, segment }, { consistent: true })).Item
    },
    /** Records a job's progress in one segment. */
    async putCheckpoint(checkpoint: CheckpointInput): Promise<void> {
      await checkpoints.put(checkpoint)
    },

    /** Reads one (absent) item: proves the table exists and answers. */
    async ping(): Promise<void> {
      await agencies.get({ uscc: 'HEALTHCHECK' })
    },
  }
}

/** The repository's verbs. */
export type Store = ReturnType<typeof createStore>
