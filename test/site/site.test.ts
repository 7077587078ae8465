/**
 * The site in a real headless Chromium: search to agency page by keyboard, in Chinese and English,
 * on a phone and a desktop (screenshots in test-results/); the core facts without JavaScript;
 * hostile text inert everywhere; no serious accessibility violations on any page.
 */
import { mkdirSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../fixtures/browser.js'
import { HOSTILE, HOSTILE_USCC, siteFixture } from './fixture.js'

let site: Awaited<ReturnType<typeof siteFixture>>
let browser: Browser
let rated: { uscc: string; name: string }
beforeAll(async () => {
  mkdirSync('test-results', { recursive: true })
  ;[site, browser] = await Promise.all([siteFixture(), launchChromium()])
  const entries = await site.api.deps.search.entries()
  const withRecords = entries.find(
    (e) => e.grade !== 'NR' && e.uscc !== HOSTILE_USCC && e.score !== undefined,
  )
  rated = { uscc: withRecords?.uscc ?? '', name: withRecords?.name ?? '' }
}, 90_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

/** A page that fails the test if anything opens a dialog or a script error happens. */
async function open(width: number, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  return { page, problems, close: () => context.close() }
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)

describe('job seeker journey', () => {
  for (const width of [375, 1280]) {
    it(`searches by keyboard and reads the basis, in Chinese then English, at ${width} px`, async () => {
      const { page, problems, close } = await open(width)
      await page.goto(`${site.server.url}/`)
      // Keyboard only: skip link, then into the search box.
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.locator('#q').focus()
      await page.keyboard.type(rated.name.slice(0, 4))
      const first = page.locator('#results ol.results li a').first()
      await first.waitFor()
      expect(await page.locator('#results .count').textContent()).toMatch(/共 \d+ 家机构/)
      await page.screenshot({ path: `test-results/search-zh-${width}.png`, fullPage: true })
      await first.focus()
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/a\//)
      await expect(page.locator('h1').textContent()).resolves.toBeTruthy()
      for (const heading of ['信用等级', '评级依据', '计入评级的记录', '等级变化', '声明']) {
        expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true)
      }
      expect(await page.locator('.grade-card .grade').first().isVisible()).toBe(true)
      // The audit chain: its length and newest hash, which anyone can re-walk.
      expect(await page.getByText(/审计链：[1-9]\d* 条记录/).textContent()).toMatch(/sha256:[0-9a-f]{64}/)
      await page.screenshot({ path: `test-results/agency-zh-${width}.png`, fullPage: true })

      await page.getByRole('link', { name: 'English' }).click()
      await page.waitForURL(/lang=en/)
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      for (const heading of ['Integrity grade', 'Why this grade', 'Records that count', 'Disclaimer']) {
        expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true)
      }
      await page.screenshot({ path: `test-results/agency-en-${width}.png`, fullPage: true })
      // The choice is remembered on the next page.
      await page.getByRole('link', { name: 'Statistics' }).click()
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(problems).toEqual([])
      await close()
    }, 60_000)
  }

  it('shows the core facts and searches without JavaScript', async () => {
    const { page, close } = await open(375, { javaScriptEnabled: false })
    await page.goto(`${site.server.url}/a/${rated.uscc}`)
    expect(await page.locator('h1').textContent()).toBe(rated.name)
    expect(await page.locator('.grade-card .grade').first().textContent()).toMatch(/[A-D+—]/)
    await page.goto(`${site.server.url}/`)
    await page.locator('#q').fill(rated.name)
    await page.locator('form.search button[type=submit]').click()
    await page.waitForURL(/\?q=/)
    expect(await page.locator('#results ol.results li a .name').first().textContent()).toBe(rated.name)
    await close()
  }, 30_000)
})

describe('hostile text', () => {
  it('is inert on the agency page, in search results (server and instant), the embed page and the widget', async () => {
    const { page, problems, close } = await open(1280)
    await page.goto(`${site.server.url}/a/${HOSTILE_USCC}`)
    expect(await page.locator('h1').textContent()).toBe(HOSTILE.name)
    expect(await page.getByText(HOSTILE.documentNo).count()).toBeGreaterThan(0)
    await page.goto(`${site.server.url}/?q=${encodeURIComponent('恶意')}`)
    expect(await page.locator('#results .name').first().textContent()).toBe(HOSTILE.name)
    await page.locator('#q').fill('')
    await page.locator('#q').pressSequentially('恶意')
    await page.locator('#results .name').first().waitFor()
    await page.goto(`${site.server.url}/embed?uscc=${HOSTILE_USCC}`)
    await page.locator('#preview-widget div').first().waitFor()
    await page.waitForFunction(() => {
      const host = document.querySelector('#preview-widget div')
      return host?.shadowRoot?.querySelector('.n')?.textContent?.includes('恶意')
    })
    await page.goto(`${site.server.url}/embed?uscc=${encodeURIComponent('"><script>alert(1)</script>')}`)
    expect(await page.locator('#uscc-err').isVisible()).toBe(true)
    await page.waitForTimeout(200)
    expect(await pwned(page)).toBeUndefined()
    expect(problems.filter((p) => !p.includes('400 (Bad Request)'))).toEqual([])
    await close()
  }, 60_000)
})

const objectionPages: string[] = []

describe('objections', () => {
  it('files an objection from the agency page without JavaScript, keeps the text on an error, and shows its course', async () => {
    const { page, problems, close } = await open(375, { javaScriptEnabled: false })
    await page.goto(`${site.server.url}/a/${HOSTILE_USCC}`)
    const link = page.getByRole('link', { name: '提出异议' }).first()
    const form = (await link.getAttribute('href')) as string
    objectionPages.push(form)
    await link.click()
    expect(await page.locator('h1').textContent()).toBe('对记录提出异议')
    expect(await page.locator('main').textContent()).toContain('10 日内答复')
    expect(await page.locator('main').textContent()).toContain('暂定')

    await page.locator('#statement').fill('太短')
    await page.getByRole('button', { name: '提交异议' }).click()
    expect(await page.locator('[role=alert]').textContent()).toContain('异议理由须为 10 至 2000 字')
    expect(await page.locator('#statement').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#statement').inputValue()).toBe('太短')

    const statement =
      '<script>window.__pwned=1</script>该处罚已被行政复议撤销，复议决定书文号为穗府复〔2026〕9号。'
    await page.locator('#statement').fill(statement)
    await page.getByRole('button', { name: '提交异议' }).click()
    await page.waitForURL(/\/objections\/[0-9A-Z]+$/)
    objectionPages.push(new URL(page.url()).pathname)
    expect(await page.locator('.objection-state').textContent()).toBe('已登记，待受理')
    expect(await page.locator('body').textContent()).not.toContain('穗府复')

    // An officer dismisses it with a reason (the admin API's part is tested on its own): the reason
    // is public on the status page and beside the record.
    const id = page.url().split('/').at(-1) as string
    const stored = await site.api.table.store.getObjection(HOSTILE_USCC, id)
    const reason = {
      zh: '复议决定书未撤销该处罚<b>。</b>',
      en: 'The review decision did not annul the penalty.',
    }
    await site.api.table.store.putObjection({
      ...(stored as NonNullable<typeof stored>),
      status: 'dismissed',
      resolvedAt: '2026-12-03T02:00:00.000Z',
      resolvedBy: 'gz-checker',
      resolution: reason,
      version: 2,
    })
    await page.reload()
    expect(await page.locator('.objection-state').textContent()).toBe('异议不成立')
    expect(await page.locator('main').textContent()).toContain(reason.zh)
    await page.goto(`${site.server.url}/a/${HOSTILE_USCC}`)
    await page.waitForTimeout(2100) // the hot cache of agency reads
    await page.reload()
    expect(await page.locator('.recs .dismissed').first().textContent()).toContain(
      `异议不成立（2026-12-03）：${reason.zh}`,
    )
    expect(await pwned(page)).toBeUndefined()
    // The refused form answers 400, which the console notes.
    expect(problems.filter((p) => !p.includes('400 (Bad Request)'))).toEqual([])
    await close()
  }, 60_000)
})

describe('accessibility', () => {
  it('has no serious or critical axe violations on any page', async () => {
    const { page, close } = await open(1280)
    const pages = [
      '/',
      `/?q=${encodeURIComponent(rated.name.slice(0, 2))}`,
      `/a/${rated.uscc}`,
      `/a/${rated.uscc}?lang=en`,
      '/methodology',
      '/stats',
      '/open-data',
      `/embed?uscc=${rated.uscc}`,
      `/embed/card/${rated.uscc}`,
      '/no/such/page',
      '/a/91440101MA5TEQT04X',
      ...objectionPages,
    ]
    const found: string[] = []
    for (const path of pages) {
      await page.goto(`${site.server.url}${path}`)
      const results = await new AxeBuilder({ page }).analyze()
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      }
    }
    expect(found).toEqual([])
    // The open-data page lists today's files, each downloadable.
    await page.goto(`${site.server.url}/open-data`)
    const href = await page.getByRole('link', { name: 'ratings.csv' }).getAttribute('href')
    expect((await fetch(`${site.server.url}${href}`)).status).toBe(200)
    await close()
  }, 120_000)
})
