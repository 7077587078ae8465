/**
 * Throttling and timeouts on 30% of DynamoDB calls (injected before the SDK's own retries, so the
 * code itself meets them), on DynamoDB Local: the API answers with the right grade or a clear 503
 * with Retry-After, never a wrong grade and never a 500; a full re-rate and the open-data export,
 * run again after a failure, converge to the state a run without faults reaches; no half-written
 * publication is ever announced.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../functions/api/full-app.js'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { exportOpenData } from '../../functions/export/export.js'
import { MANIFEST } from '../../functions/export/package.js'
import { folderSource } from '../../functions/export/sources.js'
import { verifyPublication } from '../../functions/export/verify.js'
import { silentLog } from '../../functions/log.js'
import { rerateAll } from '../../functions/rate/rerate.js'
import { jwks } from '../../shared/signing/signer.js'
import { createClients } from '../../shared/store/clients.js'
import { createStore } from '../../shared/store/store.js'
import { ratedApi } from '../fixtures/api.js'
import { NOW } from '../fixtures/pipeline.js'

let api: Awaited<ReturnType<typeof ratedApi>>
let faulty: ReturnType<typeof createStore>
const injected = { count: 0 }

/** Fails `share` of the calls (seeded, so a failing run can be replayed), half throttled, half timed out. */
function injectFaults(client: DynamoDBClient, share: number, seed = 42) {
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  client.middlewareStack.add(
    (next) => async (args) => {
      const roll = random()
      if (roll < share) {
        injected.count++
        const throttled = roll < share / 2
        throw Object.assign(
          new Error(throttled ? 'Rate of requests exceeds the allowed throughput' : 'Connection timed out'),
          {
            name: throttled ? 'ProvisionedThroughputExceededException' : 'TimeoutError',
            $fault: throttled ? 'client' : 'server',
            $metadata: {},
          },
        )
      }
      return next(args)
    },
    { step: 'initialize', name: 'chengxinInjectedFaults' },
  )
}

beforeAll(async () => {
  api = await ratedApi(12)
  const clients = createClients(api.table.endpoint)
  injectFaults(clients.client, 0.3)
  faulty = createStore({
    documentClient: clients.documentClient,
    tableName: api.table.tableName,
    onCorrupt: () => {},
  })
}, 60_000)
afterAll(async () => {
  await api.table.drop()
})

describe('with 30% of DynamoDB calls failing', () => {
  it('the API answers the right grade or a 503 with Retry-After, never a wrong grade or a 500', async () => {
    const truth = new Map((await api.deps.search.entries()).map((e) => [e.uscc, e.grade]))
    const app = createApp({ ...api.deps, store: faulty, hotCacheMs: 0 })
    const seen = { ok: 0, unavailable: 0 }
    for (let round = 0; round < 8; round++)
      for (const [uscc, grade] of truth) {
        const res = await app.request(`/v1/agencies/${uscc}`)
        if (res.status === 200) {
          seen.ok++
          expect(((await res.json()) as { rating: { grade: string } }).rating.grade).toBe(grade)
        } else {
          expect(res.status).toBe(503)
          expect(res.headers.get('retry-after')).toBe('2')
          expect(await res.json()).toMatchObject({ error: 'unavailable' })
          seen.unavailable++
        }
      }
    expect(seen.ok).toBeGreaterThan(0)
    expect(seen.unavailable).toBeGreaterThan(0)
  })

  it('a full re-rate, run again while anything failed, converges to the fault-free result', async () => {
    const later = new Date(NOW.getTime() + 30 * 86_400_000)
    const deps = { store: faulty, methodology: api.deps.methodology, log: silentLog, now: () => later }
    let runs = 0
    let report: Awaited<ReturnType<typeof rerateAll>>
    do {
      runs++
      report = await rerateAll(deps, later, { job: `faults-${runs}`, segments: 2, retries: 3 }).catch(
        (error: Error) => ({
          job: '',
          handled: 0,
          written: 0,
          unchanged: 0,
          failed: [{ uscc: '*', error: error.message }],
        }),
      )
    } while (report.failed.length > 0 && runs < 20)
    expect(report.failed).toEqual([])
    // Without faults, the same re-rate finds nothing left to write: every rating is what it must be.
    const clean = await rerateAll({ ...deps, store: api.table.store }, later, {
      job: 'faults-check',
      segments: 2,
    })
    expect(clean).toMatchObject({ failed: [], written: 0, handled: 12 })
  }, 60_000)

  it('the export, run again after a failure, publishes a complete, verifiable folder; a failed run announces nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'chengxin-faults-'))
    const blobs = fsBlobStore(folder)
    const deps = {
      store: faulty,
      blobs,
      signer: api.deps.signer,
      methodology: api.deps.methodology,
      log: silentLog,
      now: () => NOW,
    }
    let attempts = 0
    let published = false
    while (!published && attempts < 30) {
      attempts++
      try {
        const result = await exportOpenData(deps)
        published = result.published
        if (!published) throw new Error(`held: ${'reason' in result ? result.reason : ''}`)
      } catch (error) {
        expect((error as Error).message).not.toMatch(/^held/)
        // A failed run leaves no announcement behind.
        expect(await blobs.get(MANIFEST)).toBeUndefined()
      }
    }
    expect(published).toBe(true)
    expect(injected.count).toBeGreaterThan(0)
    const verdict = await verifyPublication(await folderSource(folder), jwks([api.deps.signer]))
    expect(verdict).toMatchObject({ ok: true })
  }, 60_000)
})
