/** The app shell: health, home page, errors, headers, rate limits. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ApiDeps } from '../../../functions/api/context.js'
import { createApp } from '../../../functions/api/full-app.js'
import { silentLog } from '../../../functions/log.js'
import { DEFAULT_METHODOLOGY } from '../../../shared/rating/methodologies/index.js'
import type { Signer } from '../../../shared/signing/signer.js'
import { type BuiltSite, buildSite } from '../../../site/build.js'

const NOW = new Date('2026-12-04T07:00:00.000Z')
const signer: Signer = { kid: 'k', sign: async () => 'x.y.z', publicJwk: () => ({ kty: 'EC' }) }
const unusedStore: ApiDeps['store'] = {
  getAgency: async () => undefined,
  getRating: async () => undefined,
  listRatingHistory: async () => ({ items: [] }),
  lastAudit: async () => undefined,
}
const deps = (overrides: Partial<ApiDeps> = {}): ApiDeps => ({
  ping: async () => {},
  now: () => NOW,
  demo: true,
  store: unusedStore,
  search: { entries: async () => [], updatedAt: () => undefined, invalidate: () => {}, refresh: () => {} },
  signer,
  methodology: DEFAULT_METHODOLOGY,
  log: silentLog,
  ...overrides,
})

afterEach(() => vi.restoreAllMocks())

describe('GET /health', () => {
  it('says ok when the table answers', async () => {
    const res = await createApp(deps()).request('/health')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ status: 'ok', checks: { table: 'ok' }, checkedAt: NOW.toISOString() })
  })

  it('answers 503 without internals when the table does not', async () => {
    const res = await createApp(
      deps({
        ping: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:8000')
        },
      }),
    ).request('/health')
    expect(res.status).toBe(503)
    const body = await res.text()
    expect(JSON.parse(body)).toMatchObject({ status: 'unavailable', checks: { table: 'unavailable' } })
    expect(body).not.toContain('ECONNREFUSED')
  })
})

describe('home page', () => {
  let site: BuiltSite
  beforeAll(async () => {
    site = await buildSite()
  })

  it('is Chinese first, phone-ready, marks demo data, and allows only our own scripts', async () => {
    const res = await createApp(deps({ site })).request('/')
    const html = await res.text()
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';")
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('name="viewport"')
    expect(html).toContain('演示数据')
    expect(html).not.toMatch(/<script>|<style|style="|\son[a-z]+=/)
  })

  it('switches to English on request and remembers the choice', async () => {
    const app = createApp(deps({ site }))
    const en = await app.request('/?lang=en')
    expect(await en.text()).toContain('<html lang="en">')
    const cookie = en.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^lang=en;/)
    const again = await app.request('/stats', { headers: { Cookie: 'lang=en' } })
    const html = await again.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Demo data')
  })

  it('answers a page that does not exist with a page, and an unknown API path with JSON', async () => {
    const app = createApp(deps({ site }))
    const page = await app.request('/no/such/page')
    expect(page.status).toBe(404)
    expect(await page.text()).toContain('页面不存在')
    const api = await app.request('/v1/no-such-endpoint')
    expect(api.status).toBe(404)
    expect(await api.json()).toMatchObject({ error: 'not_found' })
  })

  it('writes embed snippets for the public origin, whatever Host the request names', async () => {
    const app = createApp(deps({ site, publicOrigin: 'https://chengxin.example' }))
    const res = await app.request('http://evil.example/embed?uscc=91440101MA5TEQT04H')
    const html = await res.text()
    expect(html).toContain('https://chengxin.example/widget.js')
    expect(html).not.toContain('evil.example')
    expect(res.headers.get('cache-control')).toMatch(/^private/)
  })

  it('has no demo banner when serving real data', async () => {
    expect(await (await createApp(deps({ demo: false, site })).request('/')).text()).not.toContain('演示数据')
  })
})

describe('errors and headers', () => {
  it('answers unknown paths with a JSON 404', async () => {
    const res = await createApp(deps()).request('/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'not_found', message: 'No such page or endpoint: GET /nope' })
  })

  it('turns an unexpected failure into a generic 500 that reveals nothing, and logs it', async () => {
    const logged: unknown[] = []
    const broken = createApp(deps({ log: (...args) => logged.push(args) }))
    broken.get('/boom', () => {
      throw new Error('secret detail')
    })
    const res = await broken.request('/boom')
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(JSON.parse(body)).toMatchObject({ error: 'internal' })
    expect(body).not.toContain('secret')
    expect(JSON.stringify(logged)).toContain('secret detail')
  })

  it('opens the API to other sites (CORS, cross-origin resource policy) and sets security headers', async () => {
    const res = await createApp(deps()).request('/v1/stats', {
      headers: { Origin: 'https://agency.example' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const preflight = await createApp(deps()).request('/v1/stats', {
      method: 'OPTIONS',
      headers: { Origin: 'https://agency.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.status).toBe(204)
  })

  it('limits each client on the local server: 429 with Retry-After', async () => {
    const app = createApp(deps({ rateLimit: { perSecond: 1, burst: 3, clientKey: () => 'one client' } }))
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/v1/stats')).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const limited = await app.request('/v1/stats')
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' })
  })
})
