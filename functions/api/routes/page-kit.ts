/** What every site page route shares: its language, its context, and how a page is sent. */
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { BuiltSite } from '../../../site/build.js'
import type { Lang } from '../../../site/i18n.js'
import { PAGE_CSP, type PageContext } from '../../../site/pages/layout.js'
import type { ApiDeps } from '../context.js'

// Private: a page's language comes from a cookie, which shared caches do not key on.
const PAGE_CACHE = 'private, max-age=60'

/** The page's language: ?lang= (remembered in a cookie), else the cookie, else Chinese. */
function langOf(c: Context): Lang {
  const asked = c.req.query('lang')
  if (asked === 'zh' || asked === 'en') {
    setCookie(c, 'lang', asked, { path: '/', maxAge: 31_536_000, sameSite: 'Lax' })
    return asked
  }
  return getCookie(c, 'lang') === 'en' ? 'en' : 'zh'
}

/** The path and query of this request without `lang`. */
function selfPath(c: Context): string {
  const url = new URL(c.req.url)
  url.searchParams.delete('lang')
  const query = url.searchParams.toString()
  return `${url.pathname}${query ? `?${query}` : ''}`
}

export function pageKit(deps: Pick<ApiDeps, 'demo'>, site: BuiltSite) {
  const pageContext = (c: Context): PageContext => ({
    lang: langOf(c),
    demo: deps.demo,
    assets: site.manifest,
    path: selfPath(c),
  })
  /** Sends a page; pages that change by the minute (an objection's) pass `cache: 'no-store'`. */
  const send = (c: Context, html: string, status: 200 | 400 | 404 | 413 = 200, cache?: string) => {
    c.header('Content-Security-Policy', PAGE_CSP)
    c.header('Cache-Control', cache ?? (status === 200 ? PAGE_CACHE : 'no-store'))
    c.header('Vary', 'Cookie')
    return c.html(html, status)
  }
  return { pageContext, send }
}
