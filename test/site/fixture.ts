/**
 * The site over DynamoDB Local for browser tests: rated demo agencies plus one with hostile text in
 * every field a page or the widget shows, served on loopback.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../functions/api/full-app.js'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { exportOpenData } from '../../functions/export/export.js'
import { silentLog } from '../../functions/log.js'
import { rateAgencies } from '../../functions/rate/rate-agencies.js'
import { ratedApi } from '../fixtures/api.js'
import { serveOnLoopback } from '../fixtures/browser.js'
import { aRecord } from '../fixtures/builders.js'
import { cleanAgency, NOW, pipelineDeps } from '../fixtures/pipeline.js'

export const HOSTILE_USCC = '91440101MA5TEQT04H'
/** Each of these would set window.__pwned or open a dialog if it ran. */
export const HOSTILE = {
  name: '<img src=x onerror="window.__pwned=1">恶意<script>window.__pwned=1</script>人力资源有限公司',
  alias: '"><svg onload=alert(1)>',
  title: '<iframe src="javascript:alert(1)"></iframe>虚假招聘',
  authority: "javascript:alert('x')",
  documentNo: '"><img src=x onerror=alert(1)>',
}

export async function siteFixture() {
  const api = await ratedApi(30)
  const { agency, records } = cleanAgency(HOSTILE_USCC)
  await api.table.store.importAgencies({
    agencies: [{ ...agency, name: HOSTILE.name, aliases: [HOSTILE.alias], domains: ['www.hostile.example'] }],
    records: [
      ...records,
      aRecord({
        uscc: HOSTILE_USCC,
        title: { zh: HOSTILE.title, en: HOSTILE.title },
        authority: HOSTILE.authority,
        documentNo: HOSTILE.documentNo,
        occurredOn: '2026-05-01',
      }),
    ],
  })
  await rateAgencies(pipelineDeps(api.table.store).deps, [HOSTILE_USCC], NOW)
  await api.deps.search.entries()
  // Today's open data, so the open-data page lists real files.
  const openData = fsBlobStore(await mkdtemp(join(tmpdir(), 'chengxin-site-open-data-')))
  await exportOpenData({
    store: api.table.store,
    blobs: openData,
    signer: api.deps.signer,
    methodology: api.deps.methodology,
    log: silentLog,
    now: () => NOW,
  })
  const server = await serveOnLoopback(createApp({ ...api.deps, openData, objections: api.table.store }))
  return {
    api,
    server,
    async close() {
      await server.close()
      await api.table.drop()
    },
  }
}
