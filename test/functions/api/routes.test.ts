/** Every public route against DynamoDB Local with rated demo agencies, through app.request. */
import { DOMParser } from '@xmldom/xmldom'
import { compactVerify, createLocalJWKSet } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/api/full-app.js'
import type { SearchEntry } from '../../../shared/search/entry.js'
import { ratedApi } from '../../fixtures/api.js'

let api: Awaited<ReturnType<typeof ratedApi>>
let entries: readonly SearchEntry[]
beforeAll(async () => {
  api = await ratedApi(40)
  entries = await api.deps.search.entries()
}, 60_000)
afterAll(async () => {
  await api.table.drop()
})

const get = (path: string, headers: Record<string, string> = {}) => api.app.request(path, { headers })
// The tests read deep into arbitrary JSON answers; their assertions are the type checks.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = any
const json = async (path: string) => {
  const res = await get(path)
  return { status: res.status, body: (await res.json()) as Json, res }
}
const rated = () =>
  entries.find((e) => e.grade !== 'NR' && e.score !== undefined && e.serviceTypes.length > 0) as SearchEntry

describe('GET /v1/agencies/{uscc}', () => {
  it('answers the profile, the grade and the whole basis, with disclaimer and demo notice', async () => {
    const e = rated()
    const { status, body } = await json(`/v1/agencies/${e.uscc}`)
    expect(status).toBe(200)
    expect(body.agency).toMatchObject({ uscc: e.uscc, name: e.name, demo: true })
    expect(body.agency.permits[0]).toHaveProperty('statusLabel')
    expect(body.rating).toMatchObject({ grade: e.grade, methodology: { id: 'ldt3002' }, stale: false })
    expect(body.rating.dimensions).toHaveLength(5)
    expect(body.rating.dimensions[0].indicators[0].sentence).toHaveProperty('zh')
    expect(body.rating.contentHash).toMatch(/^sha256:/)
    expect(body.disclaimer.zh).toContain('不构成担保')
    expect(body.demo.zh).toContain('演示数据')
    expect(body.links.badge).toBe(`/v1/agencies/${e.uscc}/badge.svg`)
  })

  it('answers 304 to a client that has this version, with the ETag and cache policy', async () => {
    const e = rated()
    const first = await get(`/v1/agencies/${e.uscc}`)
    const etag = first.headers.get('etag') ?? ''
    // content hash, rating revision, profile version, the day, stale
    expect(etag).toMatch(/^"sha256:[0-9a-f]{64}\.\d+\.\d+\.2026-12-04\.false"$/)
    expect(first.headers.get('cache-control')).toContain('stale-while-revalidate')
    const again = await get(`/v1/agencies/${e.uscc}`, { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // Two years on the same content has gone stale: no 304 for the old copy, which said it was fresh.
    const later = createApp({ ...api.deps, now: () => new Date('2028-12-04T02:00:00.000Z') })
    const revalidated = await later.request(`/v1/agencies/${e.uscc}`, { headers: { 'If-None-Match': etag } })
    expect(revalidated.status).toBe(200)
    expect(((await revalidated.json()) as { rating: { stale: boolean } }).rating.stale).toBe(true)
  })

  it('accepts lower case and full-width codes, and says why a code is invalid', async () => {
    const e = rated()
    expect((await get(`/v1/agencies/${e.uscc.toLowerCase()}`)).status).toBe(200)
    const bad = await json(`/v1/agencies/${e.uscc.slice(0, 17)}X`)
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: 'invalid_uscc' })
    expect(bad.body.message).toContain('第18位')
    expect(bad.body.message).toContain('Character 18')
  })

  it('answers 404 for a valid code that is not on the register', async () => {
    const { status, body } = await json('/v1/agencies/91350100M000100Y43')
    expect(status).toBe(404)
    expect(body.error).toBe('not_found')
  })

  it('gives the grade as it was on a date, from the history', async () => {
    const e = rated()
    const then = await json(`/v1/agencies/${e.uscc}?asOf=2026-12-05`)
    expect(then.body.rating).toMatchObject({ grade: e.grade })
    const before = await json(`/v1/agencies/${e.uscc}?asOf=2020-01-01`)
    expect(before.body.rating).toBeNull()
    expect((await get(`/v1/agencies/${e.uscc}?asOf=2026-02-30`)).status).toBe(400)
    expect((await get(`/v1/agencies/${e.uscc}?asOf=yesterday`)).status).toBe(400)
  })
})

describe('GET /v1/agencies/{uscc}/history', () => {
  it('lists the changes newest first', async () => {
    const { body } = await json(`/v1/agencies/${rated().uscc}/history`)
    expect(body.items).toHaveLength(1)
    expect(body.items[0]).toMatchObject({ grade: rated().grade, date: '2026-12-04' })
  })
})

describe('GET /v1/agencies (search)', () => {
  const names = (body: Json) => (body.items as { name: string }[]).map((i) => i.name)

  it('finds by a Chinese substring, by pinyin and by pinyin initials', async () => {
    const e = entries.find((x) => /人力资源/.test(x.name) && x.pinyin) as SearchEntry
    const tradeName = e.name.replace(/^.+?市/, '').slice(0, 2)
    expect(names((await json(`/v1/agencies?q=${encodeURIComponent(tradeName)}`)).body)).toContain(e.name)
    const full = e.pinyin.split('|')[0] ?? ''
    expect(names((await json(`/v1/agencies?q=${full.slice(0, 8)}`)).body)).toContain(e.name)
    const initials = e.initials.split('|')[0] ?? ''
    expect(names((await json(`/v1/agencies?q=${initials.slice(0, 4)}`)).body)).toContain(e.name)
  })

  it('finds by USCC and by licence number, the exact match first', async () => {
    const e = rated()
    const byCode = await json(`/v1/agencies?q=${e.uscc}`)
    expect(byCode.body.items[0]).toMatchObject({ uscc: e.uscc, matched: 'uscc' })
    const withLicence = entries.find((x) => x.licenceNumbers.length) as SearchEntry
    const number = withLicence.licenceNumbers[0] ?? ''
    const byLicence = await json(`/v1/agencies?q=${encodeURIComponent(number)}`)
    expect(byLicence.body.items[0]).toMatchObject({ uscc: withLicence.uscc, matched: 'licence' })
  })

  it('filters by province, grade and service type', async () => {
    const e = rated()
    const province = e.region.slice(0, 2)
    const { body } = await json(
      `/v1/agencies?region=${province}&grade=${encodeURIComponent(e.grade)}&serviceType=${e.serviceTypes[0]}`,
    )
    expect(body.items.map((i: { uscc: string }) => i.uscc)).toContain(e.uscc)
    for (const item of body.items) {
      expect(item.region.startsWith(province)).toBe(true)
      expect(item.grade).toBe(e.grade)
    }
  })

  it('pages in a stable order with a cursor tied to the query', async () => {
    const all = await json('/v1/agencies?limit=100')
    expect(all.body.total).toBe(40)
    const first = await json('/v1/agencies?limit=15')
    const second = await json(`/v1/agencies?limit=15&cursor=${first.body.next}`)
    const third = await json(`/v1/agencies?limit=15&cursor=${second.body.next}`)
    expect(third.body.next).toBeUndefined()
    const paged = [...first.body.items, ...second.body.items, ...third.body.items].map((i) => i.uscc)
    expect(paged).toEqual(all.body.items.map((i: { uscc: string }) => i.uscc))
    const misuse = await json(`/v1/agencies?q=x&cursor=${first.body.next}`)
    expect(misuse).toMatchObject({ status: 400, body: { error: 'invalid_cursor' } })
  })

  it('refuses invalid filters with the problem named', async () => {
    const bad = await json('/v1/agencies?grade=Z&region=4')
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/grade/)
    expect(bad.body.message).toMatch(/region/)
  })
})

describe('badges', () => {
  const parse = (svg: string) => {
    const errors: string[] = []
    new DOMParser({ onError: (level, m) => level !== 'warning' && errors.push(m) }).parseFromString(
      svg,
      'image/svg+xml',
    )
    return errors
  }

  it('renders the grade as inert SVG with the as-of date, in each style and language', async () => {
    const e = rated()
    for (const query of ['', '?style=flat-square&lang=en', '?style=for-the-badge&theme=dark']) {
      const res = await get(`/v1/agencies/${e.uscc}/badge.svg${query}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      const svg = await res.text()
      expect(parse(svg)).toEqual([])
      expect(svg).toContain('2026-12-04')
      expect(svg).toContain('role="img"')
    }
  })

  it('answers 404 for an unknown agency, or a grey badge when asked for a fallback', async () => {
    expect((await get('/v1/agencies/91350100M000100Y43/badge.svg')).status).toBe(404)
    const grey = await get('/v1/agencies/91350100M000100Y43/badge.svg?fallback=1')
    expect(grey.status).toBe(200)
    expect(await grey.text()).toContain('未找到')
  })

  it('revalidates with 304, and varies the ETag with the options', async () => {
    const e = rated()
    const a = await get(`/v1/agencies/${e.uscc}/badge.svg`)
    const b = await get(`/v1/agencies/${e.uscc}/badge.svg?lang=en`)
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'))
    expect(
      (await get(`/v1/agencies/${e.uscc}/badge.svg`, { 'If-None-Match': a.headers.get('etag') ?? '' }))
        .status,
    ).toBe(304)
  })

  it('offers the shields.io endpoint JSON and nothing else', async () => {
    const { body } = await json(`/v1/agencies/${rated().uscc}/badge.json?lang=en`)
    expect(Object.keys(body).sort()).toEqual([
      'cacheSeconds',
      'color',
      'isError',
      'label',
      'message',
      'schemaVersion',
    ])
    expect(body).toMatchObject({ schemaVersion: 1, label: 'Integrity', isError: false, cacheSeconds: 300 })
  })
})

describe('attestation', () => {
  it('verifies against the published JWKS; a flipped byte does not', async () => {
    const e = rated()
    const { body } = await json(`/v1/agencies/${e.uscc}/attestation`)
    const keys = createLocalJWKSet((await json('/.well-known/jwks.json')).body as never)
    const { payload, protectedHeader } = await compactVerify(body.jws, keys)
    expect(protectedHeader.kid).toBe(body.kid)
    const claims = JSON.parse(new TextDecoder().decode(payload))
    expect(claims).toMatchObject({
      uscc: e.uscc,
      name: e.name,
      grade: e.grade,
      methodology: { id: 'ldt3002' },
    })
    const [h, p, s] = (body.jws as string).split('.') as [string, string, string]
    const flipped = Buffer.from(p, 'base64url')
    flipped[0] = (flipped[0] ?? 0) ^ 1
    await expect(compactVerify(`${h}.${flipped.toString('base64url')}.${s}`, keys)).rejects.toThrow()
  })
})

describe('the register as a whole', () => {
  it('publishes the methodology as data', async () => {
    const { body } = await json('/v1/methodology')
    expect(body).toMatchObject({ id: 'ldt3002', version: '0.1.0' })
  })

  it('counts grades overall, by province and by service type', async () => {
    const { body } = await json('/v1/stats')
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
    expect(body.total).toBe(40)
    expect(sum(body.byGrade)).toBe(40)
    expect(
      Object.values(body.byProvince as Record<string, { total: number }>).reduce((a, p) => a + p.total, 0),
    ).toBe(40)
    expect(body.demo).toBe(true)
  })

  it('describes itself in OpenAPI 3.1 and as a reference page', async () => {
    const { body } = await json('/v1/openapi.json')
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/v1/agencies', '/v1/agencies/{uscc}', '/v1/agencies/{uscc}/badge.svg']),
    )
    const search = body.paths['/v1/agencies'].get.parameters.map((p: { name: string }) => p.name)
    expect(search).toEqual(expect.arrayContaining(['q', 'region', 'grade', 'serviceType', 'cursor', 'limit']))
    const page = await get('/v1/docs')
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('GET /v1/agencies/{uscc}/attestation')
  })
})

describe('the per-instance hot cache', () => {
  it('turns a burst on one agency into one read, and serves a changed rating once it expires', async () => {
    const uscc = rated().uscc
    const agency = await api.table.store.getAgency(uscc)
    let rating = await api.table.store.getRating(uscc)
    let clock = Date.parse('2026-12-04T02:00:00.000Z')
    let reads = 0
    const app = createApp({
      ...api.deps,
      now: () => new Date(clock),
      hotCacheMs: 2_000,
      store: {
        ...api.deps.store,
        getAgency: async () => {
          reads++
          return agency
        },
        getRating: async () => rating,
      },
    })
    const burst = await Promise.all(Array.from({ length: 50 }, () => app.request(`/v1/agencies/${uscc}`)))
    expect(burst.every((r) => r.status === 200)).toBe(true)
    expect(reads).toBe(1)
    const before = burst[0]?.headers.get('etag')

    rating = { ...(rating as NonNullable<typeof rating>), grade: 'D', contentHash: 'f'.repeat(64) }
    // Within the time to live: the cached answer, body and ETag alike.
    const cached = await app.request(`/v1/agencies/${uscc}`)
    expect(cached.headers.get('etag')).toBe(before)
    expect(((await cached.json()) as { rating: { grade: string } }).rating.grade).not.toBe('D')
    expect(reads).toBe(1)

    // Hot-cache entries expire on the wall clock: wait them out.
    await new Promise((r) => setTimeout(r, 2_050))
    clock += 2_050
    const fresh = await app.request(`/v1/agencies/${uscc}`)
    expect(fresh.headers.get('etag')).not.toBe(before)
    expect(((await fresh.json()) as { rating: { grade: string } }).rating.grade).toBe('D')
    expect(reads).toBe(2)
  })
})
