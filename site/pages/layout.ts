/** The frame of every page: head, header with navigation and language switch, demo banner, footer. */
import { HTML_LANG, type Lang, t } from '../i18n.js'
import { type Html, html } from './html.js'

/** Where the built assets are: logical name → URL path (content-hashed). */
export type AssetManifest = Record<'css' | 'search' | 'embed' | 'widget', string>

/** What every page knows about its request. */
export type PageContext = {
  lang: Lang
  demo: boolean
  assets: AssetManifest
  /** This page's path and query without `lang`, to switch language in place. */
  path: string
}

/** The Content-Security-Policy of our pages: nothing inline, nothing from elsewhere. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

const NAV = [
  ['/', 'navSearch'],
  ['/methodology', 'navMethodology'],
  ['/stats', 'navStats'],
  ['/open-data', 'navOpenData'],
  ['/embed', 'navEmbed'],
] as const

/** A URL of this page in the other language. */
export function withLang(path: string, lang: Lang): string {
  const [pathname = '/', query = ''] = path.split('?')
  const params = new URLSearchParams(query)
  params.set('lang', lang)
  return `${pathname}?${params.toString()}`
}

export function layout(
  ctx: PageContext,
  page: { title: string; main: Html; scripts?: (keyof AssetManifest)[]; description?: string },
): string {
  const { lang } = ctx
  const other: Lang = lang === 'zh' ? 'en' : 'zh'
  const current = ctx.path.split('?')[0]
  const nav = NAV.map(
    ([href, key]) =>
      html`<li><a href="${href}"${current === href ? html` aria-current="page"` : ''}>${t(lang, key)}</a></li>`,
  )
  return html`<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${t(lang, 'siteName')}</title>
<meta name="description" content="${page.description ?? t(lang, 'tagline')}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ctx.assets.css}">
${(page.scripts ?? []).map((s) => html`<script src="${ctx.assets[s]}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${t(lang, 'skip')}</a>
<header class="top">
<a class="brand" href="/"><span lang="zh-CN">诚信</span> <span lang="en">Chengxin</span></a>
<nav aria-label="${t(lang, 'siteName')}"><ul>${nav}</ul></nav>
<a class="lang" href="${withLang(ctx.path, other)}" hreflang="${HTML_LANG[other]}" lang="${HTML_LANG[other]}">${t(lang, 'otherLanguage')}</a>
</header>
${ctx.demo ? html`<p class="demo" role="note">${t(lang, 'demo')}</p>` : ''}
<main id="main" tabindex="-1">
${page.main}
</main>
<footer>
<p>${t(lang, 'tagline')}</p>
<p><a href="/v1/docs">${t(lang, 'apiDocs')}</a> · <a href="/health">${t(lang, 'serviceStatus')}</a></p>
</footer>
</body>
</html>
`.value
}
