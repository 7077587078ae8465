/** Random paths, query strings and headers on every route: never a 5xx; every 4xx is { error, message }. */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ratedApi } from '../../fixtures/api.js'

let api: Awaited<ReturnType<typeof ratedApi>>
beforeAll(async () => {
  api = await ratedApi(8)
}, 60_000)
afterAll(async () => {
  await api.table.drop()
})

const KNOWN = [
  'q',
  'region',
  'grade',
  'serviceType',
  'cursor',
  'limit',
  'asOf',
  'style',
  'lang',
  'theme',
  'fallback',
]
const segment = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '91440101MA5TEQT04H',
    '91350100M000100Y43',
    '9144010100000000',
    '%',
    '..',
    '\u0000',
    '<script>',
  ),
)
const uscc = () => fc.oneof(segment, fc.constant('use-real'))
const path = fc.oneof(
  uscc().map((u) => ['agencies', u]),
  fc
    .tuple(uscc(), fc.constantFrom('history', 'badge.svg', 'badge.json', 'attestation', 'x'))
    .map(([u, tail]) => ['agencies', u, tail]),
  fc.constant(['agencies']),
  fc.constantFrom(['stats'], ['methodology'], ['openapi.json'], ['docs']),
  fc.array(segment, { maxLength: 4 }),
)
const queryString = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom(...KNOWN), fc.string()),
    fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer().map(String)),
  ),
  {
    maxLength: 5,
  },
)
const headers = fc.dictionary(
  fc.constantFrom('If-None-Match', 'Accept', 'Origin', 'Accept-Language', 'X-Forwarded-For', 'Range'),
  fc.string({ unit: fc.constantFrom(...'abc*"W/,=- 0123456789') }),
)

describe('the API under random requests', () => {
  it('never answers 5xx, and every error is JSON { error, message }', async () => {
    const real = (await api.deps.search.entries())[0]?.uscc ?? ''
    await fc.assert(
      fc.asyncProperty(path, queryString, headers, async (parts, query, head) => {
        const prefix = parts[0] === '.well-known' ? '' : '/v1'
        const pathname = `${prefix}/${parts.map((p) => encodeURIComponent(p === 'use-real' ? real : p)).join('/')}`
        const search = new URLSearchParams(query).toString()
        const url = `http://localhost${pathname}${search ? `?${search}` : ''}`
        const res = await api.app.request(url, { headers: head })
        expect(res.status, `${pathname}?${search}`).toBeLessThan(500)
        // Dot segments can leave the API for the site, whose errors are pages.
        const path = new URL(url).pathname
        const inApi = path.startsWith('/v1/') || path.startsWith('/.well-known/')
        if (res.status >= 400 && inApi) {
          const body = JSON.parse(await res.text())
          expect(typeof body.error).toBe('string')
          expect(typeof body.message).toBe('string')
        } else if (res.status >= 400) {
          expect(await res.text()).toMatch(/^<!doctype html>|^\{"error"/)
        }
      }),
      { numRuns: 400 },
    )
  }, 120_000)
})
