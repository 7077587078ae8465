/**
 * The API as Lambda runs it: the esbuild bundle the stack deploys, loaded in a fresh Node process,
 * called with real API Gateway HTTP API (v2) events, over DynamoDB Local.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { LambdaEvent } from 'hono/aws-lambda'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleFunction } from '../../../infra/bundle.js'
import { ratedApi } from '../../fixtures/api.js'

let api: Awaited<ReturnType<typeof ratedApi>>
const bundle = resolve('.build/test-api/index.mjs')
const adminBundle = resolve('.build/test-admin/index.mjs')
const MANIFEST = {
  css: '/assets/style.abc.css',
  search: '/assets/search.abc.js',
  embed: '/assets/embed.abc.js',
  widget: '/assets/widget.abc.js',
}
beforeAll(async () => {
  api = await ratedApi(5)
  await Promise.all([
    bundleFunction('functions/api/handler.ts', bundle),
    bundleFunction('functions/admin/handler.ts', adminBundle),
  ])
}, 90_000)
afterAll(async () => {
  await api.table.drop()
})

/** An API Gateway HTTP API payload v2 event for a GET. */
function event(rawPath: string, rawQueryString = '', headers: Record<string, string> = {}): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    cookies: [],
    headers: { host: 'api.example', 'user-agent': 'test', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: {
        method: 'GET',
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.1',
        userAgent: 'test',
      },
      requestId: 'req',
      routeKey: '$default',
      stage: '$default',
      time: '04/Dec/2026:02:00:00 +0000',
      timeEpoch: 1_796_349_600_000,
      authentication: null,
      authorizer: {},
    },
    isBase64Encoded: false,
    body: null,
  } as unknown as LambdaEvent
}

/** Imports the bundle in a new process with the Lambda's environment and calls it once per event. */
function invoke(events: LambdaEvent[], extraEnv: Record<string, string> = {}, file = bundle) {
  const script = `
    const { handler } = await import(${JSON.stringify(file)})
    const events = JSON.parse(process.env.EVENTS)
    const out = []
    for (const e of events) out.push(await handler(e, {}))
    console.log(JSON.stringify(out))`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      EVENTS: JSON.stringify(events),
      TABLE_NAME: api.table.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: api.table.endpoint,
      SIGNING_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'chengxin-lambda-')), 'key.jwk.json'),
      AWS_REGION: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...extraEnv,
    },
  })
  expect(result.stderr).toBe('')
  return JSON.parse(result.stdout) as {
    statusCode: number
    headers: Record<string, string>
    body: string
    isBase64Encoded: boolean
  }[]
}

describe('the API Lambda bundle', () => {
  it('answers API Gateway v2 events: an agency, a badge, a search (pinyin too) and an error', async () => {
    const first = (await api.deps.search.entries())[0]
    const uscc = first?.uscc ?? ''
    const [detail, badge, search, byPinyin, invalid] = invoke([
      event(`/v1/agencies/${uscc}`),
      event(`/v1/agencies/${uscc}/badge.svg`, 'style=flat-square'),
      event('/v1/agencies', 'limit=2'),
      // Without the dictionary in the bundle: the readings stored with the profile.
      event('/v1/agencies', `q=${first?.pinyin.split('|')[0]?.replaceAll(' ', '')}`),
      event('/v1/agencies/123'),
    ])
    expect(JSON.parse(byPinyin?.body ?? '{}').items[0]).toMatchObject({ uscc, matched: 'pinyin' })
    expect(detail?.statusCode).toBe(200)
    expect(JSON.parse(detail?.body ?? '{}').agency.uscc).toBe(uscc)
    expect(detail?.headers.etag).toMatch(/^"sha256:/)
    expect(badge?.statusCode).toBe(200)
    expect(badge?.headers['content-type']).toBe('image/svg+xml; charset=utf-8')
    expect(Buffer.from(badge?.body ?? '', badge?.isBase64Encoded ? 'base64' : 'utf8').toString()).toContain(
      '<svg',
    )
    expect(JSON.parse(search?.body ?? '{}').items).toHaveLength(2)
    expect(invalid?.statusCode).toBe(400)
    expect(JSON.parse(invalid?.body ?? '{}')).toMatchObject({ error: 'invalid_uscc' })
  })

  it('serves the pages when SITE_MANIFEST names the assets (which CloudFront serves from the site bucket)', async () => {
    const first = (await api.deps.search.entries())[0]
    const [page, asset] = invoke([event(`/a/${first?.uscc}`), event(MANIFEST.css)], {
      SITE_MANIFEST: JSON.stringify(MANIFEST),
    })
    expect(page?.statusCode).toBe(200)
    expect(page?.headers['content-type']).toMatch(/^text\/html/)
    expect(page?.body).toContain(first?.name)
    expect(page?.body).toContain(MANIFEST.css)
    expect(asset?.statusCode).toBe(404)
  })
})

describe('the admin Lambda bundle', () => {
  it('files a public objection, and refuses an unsigned admin request', async () => {
    let uscc = ''
    let record: Awaited<ReturnType<typeof api.table.store.listRecords>>[number] | undefined
    for (const entry of await api.deps.search.entries()) {
      record = (await api.table.store.listRecords(entry.uscc)).find((r) => r.status === 'effective')
      uscc = entry.uscc
      if (record) break
    }
    if (!record) throw new Error('the fixture has no effective record')
    const post = {
      ...event('/v1/objections'),
      body: JSON.stringify({
        uscc,
        recordId: record.id,
        statement: '该记录与事实不符，请核实原始文书。',
      }),
    } as LambdaEvent
    ;(post as unknown as { requestContext: { http: { method: string } } }).requestContext.http.method = 'POST'
    const [filed, unsigned] = invoke([post, event('/v1/admin/whoami')], {}, adminBundle)
    expect(filed?.statusCode).toBe(201)
    expect(await api.table.store.listObjections(uscc)).toHaveLength(1)
    expect(unsigned?.statusCode).toBe(401)
    expect(JSON.parse(unsigned?.body ?? '{}')).toMatchObject({ error: 'missing_signature' })
  })
})
