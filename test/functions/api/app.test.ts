import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../functions/api/app.js'

const NOW = new Date('2026-12-04T07:00:00.000Z')
const app = (ping: () => Promise<void> = async () => {}, demo = true) =>
  createApp({ ping, now: () => NOW, demo })

afterEach(() => vi.restoreAllMocks())

describe('GET /health', () => {
  it('says ok when the table answers', async () => {
    const res = await app().request('/health')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ status: 'ok', checks: { table: 'ok' }, checkedAt: NOW.toISOString() })
  })

  it('answers 503 without internals when the table does not', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await app(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:8000')
    }).request('/health')
    expect(res.status).toBe(503)
    const body = await res.text()
    expect(JSON.parse(body)).toMatchObject({ status: 'unavailable', checks: { table: 'unavailable' } })
    expect(body).not.toContain('ECONNREFUSED')
  })
})

describe('home page', () => {
  it('is Chinese first with English, phone-ready, and marks demo data', async () => {
    const res = await app().request('/')
    const html = await res.text()
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('name="viewport"')
    expect(html).toContain('演示数据')
    expect(html).toContain('Demo data')
    expect(html).toContain('不构成担保')
  })

  it('has no demo banner when serving real data', async () => {
    expect(await (await app(undefined, false).request('/')).text()).not.toContain('演示数据')
  })
})

describe('errors', () => {
  it('answers unknown paths with a JSON 404', async () => {
    const res = await app().request('/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'not_found', message: 'No such page or endpoint: GET /nope' })
  })

  it('turns an unexpected failure into a generic 500 that reveals nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = app()
    broken.get('/boom', () => {
      throw new Error('secret detail')
    })
    const res = await broken.request('/boom')
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(JSON.parse(body)).toMatchObject({ error: 'internal' })
    expect(body).not.toContain('secret')
  })
})
