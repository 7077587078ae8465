/**
 * The OpenAPI 3.1 document of the public API, built from the same zod schemas that validate the
 * requests, and a plain HTML reference page generated from it (no third-party scripts).
 */

import type * as z from 'zod/mini'
import { toJSONSchema } from 'zod/v4/core'
import { BadgeJsonQuery, BadgeQuery, DetailQuery, HistoryQuery, NoQuery, SearchQuery } from './schemas.js'

type Operation = {
  path: string
  summary: string
  query: z.ZodMiniType
  uscc?: boolean
  produces?: string
  responses: Record<string, string>
}

const OPERATIONS: Operation[] = [
  {
    path: '/v1/agencies',
    summary: 'Search agencies by name (Chinese, pinyin, initials), USCC or licence number, with filters',
    query: SearchQuery,
    responses: { 200: 'A page of results', 400: 'Invalid parameter' },
  },
  {
    path: '/v1/agencies/{uscc}',
    summary: "An agency's profile, current grade and the full basis for it (or its grade on ?asOf=)",
    query: DetailQuery,
    uscc: true,
    responses: {
      200: 'The agency',
      304: 'Not modified (ETag)',
      400: 'Invalid USCC',
      404: 'Not on the register',
    },
  },
  {
    path: '/v1/agencies/{uscc}/history',
    summary: 'Every change of grade or score, newest first',
    query: HistoryQuery,
    uscc: true,
    responses: { 200: 'A page of history', 404: 'Not on the register' },
  },
  {
    path: '/v1/agencies/{uscc}/badge.svg',
    summary: 'The grade badge (SVG)',
    query: BadgeQuery,
    uscc: true,
    produces: 'image/svg+xml',
    responses: {
      200: 'The badge',
      304: 'Not modified',
      404: 'Not on the register (a grey badge with ?fallback=1)',
    },
  },
  {
    path: '/v1/agencies/{uscc}/badge.json',
    summary: 'The grade in the shields.io endpoint schema',
    query: BadgeJsonQuery,
    uscc: true,
    responses: { 200: 'shields.io endpoint JSON', 404: 'Not on the register' },
  },
  {
    path: '/v1/agencies/{uscc}/attestation',
    summary: 'A signed (ES256, compact JWS) attestation of the current grade',
    query: NoQuery,
    uscc: true,
    responses: { 200: '{ jws, kid, jwks }', 404: 'Not on the register' },
  },
  {
    path: '/v1/methodology',
    summary: 'The methodology in force, as data, with a source on every number',
    query: NoQuery,
    responses: { 200: 'The methodology' },
  },
  {
    path: '/v1/stats',
    summary: 'Grade distribution overall, by province and by service type',
    query: NoQuery,
    responses: { 200: 'Statistics' },
  },
  {
    path: '/.well-known/jwks.json',
    summary: 'Public keys that verify attestations',
    query: NoQuery,
    responses: { 200: 'A JWK Set' },
  },
  { path: '/v1/openapi.json', summary: 'This document', query: NoQuery, responses: { 200: 'OpenAPI 3.1' } },
]

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
}

let built: Record<string, unknown> | undefined

/** The OpenAPI document (built once). */
export function openApiDocument(): Record<string, unknown> {
  built ??= {
    openapi: '3.1.0',
    info: {
      title: 'Chengxin 诚信 public API',
      version: '1',
      description:
        'Integrity grades of China’s HR service agencies and the basis for each. 人力资源服务机构诚信评级查询。',
    },
    paths: Object.fromEntries(
      OPERATIONS.map((op) => {
        const schema = toJSONSchema(op.query, { io: 'input' }) as {
          properties?: Record<string, Record<string, unknown>>
        }
        const parameters = [
          ...(op.uscc
            ? [
                {
                  name: 'uscc',
                  in: 'path',
                  required: true,
                  description: '18-character Unified Social Credit Code',
                  schema: {
                    type: 'string',
                    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
                  },
                },
              ]
            : []),
          ...Object.entries(schema.properties ?? {}).map(([name, s]) => ({
            name,
            in: 'query',
            required: false,
            schema: s,
          })),
        ]
        const responses = Object.fromEntries(
          Object.entries(op.responses).map(([status, description]) => [
            status,
            {
              description,
              ...(status.startsWith('4')
                ? { content: { 'application/json': { schema: ERROR_SCHEMA } } }
                : {}),
              ...(status === '200' ? { content: { [op.produces ?? 'application/json']: {} } } : {}),
            },
          ]),
        )
        return [op.path, { get: { summary: op.summary, parameters, responses } }]
      }),
    ),
  }
  return built
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** The human reference page. */
export function referencePage(): string {
  const doc = openApiDocument() as {
    paths: Record<
      string,
      {
        get: {
          summary: string
          parameters: { name: string; in: string; schema?: unknown }[]
          responses: Record<string, { description: string }>
        }
      }
    >
  }
  const sections = Object.entries(doc.paths).map(([path, { get }]) => {
    const params = get.parameters
      .map(
        (p) =>
          `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td><code>${escapeHtml(JSON.stringify(p.schema ?? {}))}</code></td></tr>`,
      )
      .join('')
    const responses = Object.entries(get.responses)
      .map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description)}</li>`)
      .join('')
    return `<section><h2><code>GET ${escapeHtml(path)}</code></h2><p>${escapeHtml(get.summary)}</p>${params ? `<table><thead><tr><th>参数 Parameter</th><th>位置 In</th><th>格式 Schema</th></tr></thead><tbody>${params}</tbody></table>` : ''}<ul>${responses}</ul></section>`
  })
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>诚信 API 参考 · Chengxin API reference</title><style>body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.5}table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem;text-align:left;vertical-align:top}code{word-break:break-all}</style></head><body><main><h1>诚信 API 参考 <span lang="en">Chengxin API reference</span></h1><p>所有接口只读、允许跨域；错误均为 <code>{ error, message }</code>。<span lang="en">All endpoints are read-only GETs with CORS; errors are <code>{ error, message }</code>. Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a>.</span></p>${sections.join('')}</main></body></html>`
}
