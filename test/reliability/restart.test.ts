/**
 * DynamoDB Local killed (SIGKILL, as a crash) and started again on the same data in the middle of
 * a full re-rate and of an export: the re-rate resumes from its checkpoints to the right final
 * state, and the export, run again, publishes a complete folder; nothing half-written is ever
 * announced. A database of its own, on disk, so that the kill touches no other test.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { exportOpenData } from '../../functions/export/export.js'
import { MANIFEST } from '../../functions/export/package.js'
import { folderSource } from '../../functions/export/sources.js'
import { verifyPublication } from '../../functions/export/verify.js'
import { silentLog } from '../../functions/log.js'
import { rerateAll } from '../../functions/rate/rerate.js'
import { type DynamoDbLocal, freePort, startDynamoDbLocal } from '../../infra/local/dynamodb-local.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { localSigner } from '../../shared/signing/local-signer.js'
import { jwks } from '../../shared/signing/signer.js'
import { createClients } from '../../shared/store/clients.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { createStore, type Store } from '../../shared/store/store.js'
import { NOW, seedDemo } from '../fixtures/pipeline.js'

const dataDir = mkdtempSync(join(tmpdir(), 'chengxin-restart-'))
let port: number
let db: DynamoDbLocal
let store: Store

const crash = async () => {
  process.kill(-db.pid, 'SIGKILL')
  await db.exited
}
const restart = async () => {
  db = await startDynamoDbLocal({ dataDir: join(dataDir, 'db'), port })
}

beforeAll(async () => {
  port = await freePort()
  await restart()
  const { client, documentClient } = createClients(db.endpoint, { maxAttempts: 2 })
  await ensureTable(client, 'chengxin')
  store = createStore({ documentClient, tableName: 'chengxin' })
  await seedDemo(store, 120)
}, 90_000)
afterAll(async () => {
  await db?.stop()
})

describe('DynamoDB Local killed and restarted', () => {
  it('in the middle of a full re-rate: the run resumes from its checkpoints to the right state', async () => {
    const deps = { store, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => NOW }
    let pages = 0
    const crashing: Store = {
      ...store,
      scanRatingInputs: async (...args) => {
        const page = await store.scanRatingInputs(...args)
        if (++pages === 3) await crash()
        return page
      },
    }
    const first = await rerateAll({ ...deps, store: crashing }, NOW, {
      job: 'crash-1',
      segments: 2,
      pageSize: 10,
      retries: 1,
    }).catch((error: Error) => ({ crashed: error.message }))
    expect(pages).toBeGreaterThanOrEqual(3)
    expect('crashed' in first || first.failed.length > 0).toBe(true)
    await restart()
    let report = await rerateAll(deps, NOW, { job: 'crash-1', segments: 2, pageSize: 10 })
    for (let i = 0; i < 3 && report.failed.length > 0; i++)
      report = await rerateAll(deps, NOW, { job: 'crash-1', segments: 2, pageSize: 10 })
    expect(report.failed).toEqual([])
    // Every agency rated as a clean run would: a fresh job finds nothing to write.
    expect(await rerateAll(deps, NOW, { job: 'check-1', segments: 2 })).toMatchObject({
      handled: 120,
      written: 0,
      failed: [],
    })
  }, 90_000)

  it('in the middle of an export: nothing is announced, and the next run publishes a verifiable folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'chengxin-restart-od-'))
    const blobs = fsBlobStore(folder)
    const signer = await localSigner(join(dataDir, 'key.jwk.json'))
    let pages = 0
    const crashing: Store = {
      ...store,
      scanExport: async (...args) => {
        const page = await store.scanExport(...args)
        if (++pages === 1) await crash()
        return page
      },
    }
    const deps = { blobs, signer, methodology: DEFAULT_METHODOLOGY, log: silentLog, now: () => NOW }
    await expect(exportOpenData({ ...deps, store: crashing }, { segments: 4 })).rejects.toThrow()
    expect(await blobs.get(MANIFEST)).toBeUndefined()
    await restart()
    const result = await exportOpenData({ ...deps, store })
    expect(result).toMatchObject({ published: true })
    if (result.published) expect(result.manifest.rows).toBe(120)
    expect(await verifyPublication(await folderSource(folder), jwks([signer]))).toMatchObject({ ok: true })
  }, 90_000)
})
