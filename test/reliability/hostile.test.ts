/**
 * A corpus of hostile input against every public and admin endpoint, on DynamoDB Local: script and
 * markup, path traversal, bad percent-encoding and invalid UTF-8, oversized bodies, JSON bombs,
 * prototype-pollution keys, odd numbers and look-alike USCCs. Every answer is a precise 4xx (or an
 * ordinary page), never a 5xx; nothing is written; nothing comes back unescaped.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../functions/admin/app.js'
import { createApp } from '../../functions/api/full-app.js'
import { signRequest } from '../../shared/auth/sign-request.js'
import { ratedApi } from '../fixtures/api.js'
import { registerOfficer, type TestOfficer } from '../fixtures/officers.js'

let api: Awaited<ReturnType<typeof ratedApi>>
let app: ReturnType<typeof createApp>
let officer: TestOfficer
let uscc: string

const SCRIPT = '<script>window.__pwned=1</script>'
const HOSTILE_STRINGS = [
  SCRIPT,
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%ff%fe%00',
  '\u0000\u0001\u001f',
  '\u202Eevil\u202C',
  'x'.repeat(20_000),
  '__proto__',
  'constructor',
  '-1',
  '1e309',
  'NaN',
  '９１４４０１０１ＭＡ５ＴＥＱＴ０４Ｈ', // full-width look-alike of a USCC
  '91440101MA5TEQT04Н', // Cyrillic Н at the end
  `{{7*7}}${'$'}{7*7}`, // template injection, both syntaxes
  "' OR 1=1 --",
]

/** Percent-encodes what a URL could carry; some values are sent raw (bad escapes) on purpose. */
const inPath = (s: string) => (s.startsWith('%') || s.startsWith('..%') ? s : encodeURIComponent(s))

async function count(): Promise<number> {
  const out = await api.table.client.send(
    new ScanCommand({ TableName: api.table.tableName, Select: 'COUNT' }),
  )
  return out.Count ?? 0
}

beforeAll(async () => {
  api = await ratedApi(8)
  officer = await registerOfficer(api.table.store, 'gz-admin', {
    roles: ['maker', 'checker', 'admin'],
    regionScope: '',
  })
  uscc = (await api.deps.search.entries())[0]?.uscc as string
  const store = api.table.store
  app = createApp({ ...api.deps, objections: store }, createAdminApp({ store, now: api.deps.now }))
}, 60_000)
afterAll(async () => {
  await api.table.drop()
})

type Answer = { path: string; status: number; type: string; body: string }
async function send(
  method: string,
  path: string,
  body?: string | Uint8Array,
  headers: Record<string, string> = {},
) {
  let res: Response
  try {
    res = await app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: body as BodyInit }),
    })
  } catch (error) {
    // A URL the client refuses to build never reaches us; nothing to check.
    if (error instanceof TypeError) return undefined
    throw error
  }
  return {
    path,
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: await res.text(),
  } as Answer
}

function expectPrecise(answer: Answer | undefined) {
  if (!answer) return
  expect(answer.status, `${answer.path} → ${answer.status}`).toBeLessThan(500)
  if (answer.type.includes('json') && answer.status >= 400) {
    const body = JSON.parse(answer.body) as { error?: unknown; message?: unknown }
    expect(typeof body.error, answer.path).toBe('string')
    expect(typeof body.message, answer.path).toBe('string')
  }
  // Nothing hostile comes back as markup.
  if (answer.type.includes('html') || answer.type.includes('svg'))
    for (const raw of [SCRIPT, '<svg onload', '<iframe']) expect(answer.body, answer.path).not.toContain(raw)
}

describe('hostile input', () => {
  it('leaves every GET route of the API and the site with a precise answer and nothing written', async () => {
    const before = await count()
    const routes = [
      (h: string) => `/v1/agencies/${h}`,
      (h: string) => `/v1/agencies/${h}/badge.svg`,
      (h: string) => `/v1/agencies/${h}/badge.json`,
      (h: string) => `/v1/agencies/${h}/history`,
      (h: string) => `/v1/agencies/${h}/attestation`,
      (h: string) => `/v1/agencies/${uscc}/objections/${h}`,
      (h: string) => `/v1/agencies?q=${h}&region=${h}&grade=${h}&limit=${h}&cursor=${h}`,
      (h: string) => `/v1/agencies/${uscc}/badge.svg?style=${h}&label=${h}&lang=${h}`,
      (h: string) => `/v1/agencies/${uscc}/history?limit=${h}&cursor=${h}`,
      (h: string) => `/v1/stats?region=${h}`,
      (h: string) => `/v1/methodology?version=${h}`,
      (h: string) => `/open-data/${h}`,
      (h: string) => `/a/${h}`,
      (h: string) => `/a/${uscc}/objections/new?record=${h}`,
      (h: string) => `/a/${uscc}/objections/${h}`,
      (h: string) => `/embed?uscc=${h}&style=${h}&theme=${h}&badgeLang=${h}`,
      (h: string) => `/embed/card/${h}`,
      (h: string) => `/?q=${h}&region=${h}&grade=${h}&serviceType=${h}&cursor=${h}`,
      (h: string) => `/assets/${h}`,
      (h: string) => `/${h}`,
    ]
    let asked = 0
    let answered = 0
    for (const route of routes)
      for (const hostile of HOSTILE_STRINGS)
        for (const lang of ['', 'lang=en']) {
          asked++
          const path = `${route(inPath(hostile))}${lang ? (route('x').includes('?') ? '&' : '?') + lang : ''}`
          const answer = await send('GET', path)
          expectPrecise(answer)
          if (answer) answered++
        }
    // Nearly every hostile URL is a request the app answers (a few the URL parser itself refuses).
    expect(answered / asked).toBeGreaterThan(0.9)
    expect(await count()).toBe(before)
  }, 120_000)

  it('refuses hostile objection bodies (JSON and form) with 4xx and writes nothing', async () => {
    const before = await count()
    const record = (await api.table.store.listRecords(uscc)).find((r) => r.status === 'effective')?.id ?? 'X'
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    const bodies: (string | Uint8Array)[] = [
      '',
      'null',
      '[]',
      '"text"',
      deep,
      `{"a":${deep}}`,
      JSON.stringify({ uscc, recordId: record, statement: 'x'.repeat(1_000_000) }),
      JSON.stringify({ uscc, recordId: record, statement: SCRIPT }),
      JSON.stringify({ uscc, recordId: `../${record}`, statement: '这条记录有误，请核实一下。' }),
      JSON.stringify({
        uscc: '９１４４０１０１ＭＡ５ＴＥＱＴ０４Ｈ',
        recordId: record,
        statement: '这条记录有误，请核实一下。',
      }),
      '{"__proto__":{"polluted":1},"uscc":"x"}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      JSON.stringify({ uscc, recordId: record, statement: '这条记录有误，请核实一下。', id: -1 }),
      JSON.stringify({ uscc, recordId: record, statement: '这条记录有误，请核实一下。', extra: true }),
      new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    ]
    for (const body of bodies) {
      const answer = await send('POST', '/v1/objections', body, { 'content-type': 'application/json' })
      expectPrecise(answer)
      expect(answer?.status, String(body).slice(0, 40)).toBeGreaterThanOrEqual(400)
      const form =
        typeof body === 'string'
          ? `recordId=${encodeURIComponent(record)}&statement=${encodeURIComponent(body)}`
          : body
      const page = await send('POST', `/a/${uscc}/objections`, form, {
        'content-type': 'application/x-www-form-urlencoded',
      })
      expectPrecise(page)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Some form bodies are valid statements: those are filed (with their audit event); the JSON ones never.
    const objections = await api.table.store.listObjections(uscc)
    for (const o of objections) expect(o.statement.length).toBeLessThanOrEqual(2000)
    expect(await count()).toBe(before + 2 * objections.length)
  }, 60_000)

  it('answers hostile admin requests (signed or not) with 4xx and writes nothing', async () => {
    const before = await count()
    const paths = [
      '/v1/admin/records',
      '/v1/admin/imports',
      '/v1/admin/officers',
      `/v1/admin/records/${uscc}/2026-11-01/X/approve`,
      `/v1/admin/records/${uscc}/2026-11-01/X/repair`,
      `/v1/admin/objections/${uscc}/X/dismiss`,
      `/v1/admin/officers/${encodeURIComponent('../x')}/revoke`,
    ]
    const bodies = [
      '',
      'null',
      '{"__proto__":{"polluted":1}}',
      `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
      JSON.stringify({ records: Array.from({ length: 201 }, () => ({})) }),
      JSON.stringify({
        uscc: SCRIPT,
        id: '../../x',
        occurredOn: '2026-13-45',
        kind: 'penalty',
        fineYuan: Number.MAX_VALUE * 10,
      }),
      JSON.stringify({ reason: { zh: SCRIPT, en: 'x'.repeat(5000) }, documentNo: 1, decidedOn: 'tomorrow' }),
      'x'.repeat(2_000_000),
    ]
    for (const path of paths)
      for (const body of bodies) {
        expectPrecise(await send('POST', path, body))
        expectPrecise(
          await send('POST', path, body, { authorization: `Chengxin-JWS ${'a'.repeat(100_000)}` }),
        )
        const jws = await signRequest(officer, { method: 'POST', path, body }, api.deps.now().getTime())
        const answer = await send('POST', path, body, { authorization: `Chengxin-JWS ${jws}` })
        expectPrecise(answer)
        expect(answer?.status, `${path} ${body.slice(0, 30)}`).toBeGreaterThanOrEqual(400)
      }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await count()).toBe(before)
  }, 120_000)
})
