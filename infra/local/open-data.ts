/**
 * The open data as the local runner publishes it: once at start when today's publication is
 * missing, then whenever the CST date turns (the deployed export is scheduled daily).
 */
import type { BlobStore } from '../../functions/export/blob-store.js'
import { exportOpenData, readManifest } from '../../functions/export/export.js'
import { jsonLog } from '../../functions/log.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import type { Signer } from '../../shared/signing/signer.js'
import type { Store } from '../../shared/store/store.js'
import { chinaDate } from '../../shared/time/calendar.js'

const CHECK_MS = 3_600_000

export async function publishIfDue(
  store: Store,
  blobs: BlobStore,
  signer: Signer,
): Promise<string | undefined> {
  const now = new Date()
  if ((await readManifest(blobs))?.date === chinaDate(now)) return undefined
  const result = await exportOpenData({
    store,
    blobs,
    signer,
    methodology: DEFAULT_METHODOLOGY,
    log: jsonLog('export', 'warn'),
    now: () => now,
  })
  return result.published
    ? `Published open data 已发布开放数据: ${result.manifest.rows} agencies`
    : `Open data held 开放数据暂缓发布: ${result.reason}`
}

/** Publishes now if due, then checks every hour; returns a stop function. */
export async function startPublishing(store: Store, blobs: BlobStore, signer: Signer): Promise<() => void> {
  const run = () =>
    publishIfDue(store, blobs, signer)
      .then((message) => message && console.log(message))
      .catch((error: unknown) => console.error(`Open data export failed: ${String(error)}`))
  await run()
  const timer = setInterval(run, CHECK_MS)
  timer.unref()
  return () => clearInterval(timer)
}
