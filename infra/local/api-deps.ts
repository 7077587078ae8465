/**
 * The API's dependencies on the local server. The server answers before the database is up, so the
 * store is attached later; until then data routes answer 503 "starting".
 */
import { resolve } from 'node:path'
import type { ApiDeps } from '../../functions/api/context.js'
import { HttpError } from '../../functions/api/errors.js'
import { refreshingIndex } from '../../functions/api/search-index.js'
import { loadSearchEntries, loadSearchEntriesOf } from '../../functions/api/search-source.js'
import { fsBlobStore } from '../../functions/export/blob-store.js'
import { jsonLog } from '../../functions/log.js'
import { ENV } from '../../shared/config.js'
import { objectionPolicy } from '../../shared/objections/policy.js'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { pinyinOf } from '../../shared/search/pinyin.js'
import { localSigner } from '../../shared/signing/local-signer.js'
import type { Store } from '../../shared/store/store.js'
import { buildSite } from '../../site/build.js'

/**
 * Every change the rating pipeline sees refreshes its agencies' entries at once, so the whole index
 * (a scan of the table: ~10 s of both cores at 20,000 agencies) is reloaded only hourly, as a net.
 */
const INDEX_MAX_AGE_MS = 3_600_000

export async function localApiDeps(dataDir: string, openDataDir: string) {
  let store: Store | undefined
  const ready = (): Store => {
    if (store) return store
    throw new HttpError(
      503,
      'starting',
      'Chengxin is still starting; try again in a moment / 正在启动，请稍候',
    )
  }
  const search = refreshingIndex(async () => loadSearchEntries(ready(), pinyinOf), {
    maxAgeMs: INDEX_MAX_AGE_MS,
    loadSome: (usccs) => loadSearchEntriesOf(ready(), usccs, pinyinOf),
  })
  // The admin API reads and writes the whole store; until the database is up it answers 503 too.
  const wholeStore = new Proxy({} as Store, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        (ready() as unknown as Record<string | symbol, (...a: unknown[]) => unknown>)[name]?.(...args),
  })
  const listeners: ((usccs: readonly string[]) => void)[] = []
  const deps: ApiDeps = {
    ping: async () => {
      await ready().ping()
    },
    now: () => new Date(),
    demo: true,
    store: {
      getAgency: (uscc) => ready().getAgency(uscc),
      getRating: (uscc) => ready().getRating(uscc),
      listRatingHistory: (uscc, page) => ready().listRatingHistory(uscc, page),
      lastAudit: (uscc) => ready().lastAudit(uscc),
    },
    search,
    signer: await localSigner(resolve(dataDir, 'keys', 'attestation.jwk.json')),
    site: await buildSite(),
    openData: fsBlobStore(openDataDir),
    objections: wholeStore,
    objectionPolicy: objectionPolicy(process.env[ENV.objectionAnswerDays.name]),
    methodology: DEFAULT_METHODOLOGY,
    log: jsonLog('api', 'warn'),
    ...rateLimitOption(),
    onChange: (listener) => listeners.push(listener),
  }
  return {
    deps,
    store: wholeStore,
    /** Attaches the store once the database is ready. */
    attach(ready: Store) {
      store = ready
      search.invalidate()
    },
    /** These agencies' profiles, records or ratings changed: their entries and hot reads are renewed. */
    changed: (usccs: readonly string[]) => {
      search.refresh(usccs)
      for (const listener of listeners) listener(usccs)
    },
  }
}

/** Requests per second per client address (RATE_LIMIT, default 50; 0 turns it off), burst 4 s' worth. */
function rateLimitOption(): Pick<ApiDeps, 'rateLimit'> {
  const perSecond = Number(process.env[ENV.rateLimit.name] || ENV.rateLimit.default)
  if (!Number.isFinite(perSecond) || perSecond < 0)
    throw new Error(`${ENV.rateLimit.name} must be a number of requests per second (0: no limit)`)
  if (perSecond === 0) return {}
  return {
    rateLimit: {
      perSecond,
      burst: perSecond * 4,
      clientKey: (c) => {
        const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
          ?.incoming
        return incoming?.socket?.remoteAddress ?? 'local'
      },
    },
  }
}
