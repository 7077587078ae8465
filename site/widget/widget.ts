/**
 * widget.js: `<script src="…/widget.js" data-uscc="…" async></script>` shows a small card with the
 * agency's name, grade and as-of date, linking to its page on Chengxin. It lives in a shadow
 * root, styles itself with a constructed stylesheet (no inline style or script: it works under a
 * strict CSP that allows our origin), sets no cookies, reserves its height before it loads, greys
 * itself when the rating is out of date, and warns when the page is not on a domain the agency
 * registered (best effort: a copy of the script on another site can be edited).
 */
import type { Grade } from '../../shared/agency/vocabulary.js'
import { WIDGET_STRINGS } from '../i18n.js'
import { GRADE_INK, STALE_INK } from '../palette.js'

type Detail = {
  agency: { uscc: string; name: string; domains?: string[] }
  rating: {
    grade: Grade
    gradeLabel: { zh: string; en: string }
    asOfDate: string
    stale: boolean
  } | null
}

const HEIGHT = 104

const CSS = `:host{all:initial;display:block}
a{display:block;box-sizing:border-box;height:${HEIGHT}px;max-width:360px;padding:10px 12px;border:1px solid #d0d7de;border-radius:8px;background:#fff;color:#1f2328;text-decoration:none;font:14px/1.4 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;overflow:hidden}
a:focus-visible{outline:3px solid #0969da;outline-offset:2px}
.dark{background:#161b22;color:#e6edf3;border-color:#30363d}
.top{display:flex;align-items:center;gap:10px}
.g{flex:none;min-width:44px;height:44px;border-radius:6px;display:flex;align-items:center;justify-content:center;font-weight:700;font-size:20px;color:#fff;background:${STALE_INK}}
.t{min-width:0}
.l{font-size:12px;opacity:.8}
.n{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.d{font-size:12px;opacity:.8;margin-top:4px}
.w{font-size:12px;color:#9a6700;margin-top:2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.dark .w{color:#d29922}`

function el(tag: string, cls: string, text?: string): HTMLElement {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  if (text !== undefined) e.textContent = text
  return e
}

/** A domain as a browser writes a hostname (punycode, lower case), without www.; '' if it is none. */
function hostnameOf(domain: string): string {
  try {
    const text = domain.trim()
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname.replace(
      /^www\./,
      '',
    )
  } catch {
    return ''
  }
}

/** Whether `host` is a registered domain or under one (www. optional; Chinese domains as punycode). */
export function onRegisteredDomain(host: string, domains: readonly string[]): boolean {
  const h = hostnameOf(host)
  return (
    h !== '' &&
    domains.some((raw) => {
      const d = hostnameOf(raw)
      // A bare top-level name would match every site under it.
      return d.includes('.') && (h === d || h.endsWith(`.${d}`))
    })
  )
}

function start(script: HTMLScriptElement): void {
  const uscc = (script.dataset.uscc ?? '').trim()
  const lang = script.dataset.lang === 'en' ? 'en' : 'zh'
  const words = (k: keyof typeof WIDGET_STRINGS) => WIDGET_STRINGS[k][lang]
  const origin = new URL(script.src, location.href).origin
  const host = document.createElement('div')
  host.style.display = 'block'
  host.style.height = `${HEIGHT}px`
  host.style.maxWidth = '360px'
  script.parentNode?.insertBefore(host, script)
  const root = host.attachShadow({ mode: 'open' })
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(CSS)
    root.adoptedStyleSheets = [sheet]
  } else {
    // Older browsers: a style element (a strict host CSP may block it; the card still reads).
    root.append(el('style', '', CSS))
  }

  const link = el('a', script.dataset.theme === 'dark' ? 'dark' : '') as HTMLAnchorElement
  link.href = `${origin}/a/${encodeURIComponent(uscc)}${lang === 'en' ? '?lang=en' : ''}`
  link.target = '_blank'
  link.rel = 'noopener'
  link.lang = lang === 'zh' ? 'zh-CN' : 'en'
  const top = el('div', 'top')
  const grade = el('span', 'g', '…')
  grade.setAttribute('aria-hidden', 'true')
  const text = el('div', 't')
  const name = el('div', 'n', words('loading'))
  const date = el('div', 'd')
  text.append(el('div', 'l', words('label')), name)
  top.append(grade, text)
  link.append(top, date)
  root.append(link)

  const fail = (error: unknown) => {
    name.textContent = words(String((error as Error).message) === '404' ? 'notFound' : 'unavailable')
    grade.textContent = '?'
    link.href = `${origin}/`
    link.setAttribute('aria-label', `${words('label')}: ${name.textContent}`)
  }
  fetch(`${origin}/v1/agencies/${encodeURIComponent(uscc)}`, { credentials: 'omit' })
    .then((res) => (res.ok ? (res.json() as Promise<Detail>) : Promise.reject(new Error(String(res.status)))))
    .then((detail) => {
      const r = detail.rating
      name.textContent = detail.agency.name
      link.title = detail.agency.name
      const g = r?.grade ?? 'NR'
      grade.textContent = g === 'NR' ? '—' : g
      grade.style.background = r && !r.stale ? GRADE_INK[g] : STALE_INK
      const word = r ? r.gradeLabel[lang] : words('notRated')
      date.textContent = r
        ? `${g} ${word} · ${words('asOf')} ${r.asOfDate}${r.stale ? ` · ${words('stale')}` : ''}`
        : word
      let label = `${words('label')}: ${detail.agency.name}, ${g} ${word}${r ? `, ${words('asOf')} ${r.asOfDate}` : ''}${r?.stale ? `, ${words('stale')}` : ''}`
      // In our own iframe, the page that embeds it is the frame's parent.
      const page =
        script.dataset.frame === '1'
          ? (location.ancestorOrigins?.[0] ?? document.referrer ?? '')
          : location.href
      let pageHost = ''
      try {
        pageHost = new URL(page).hostname
      } catch {}
      if (!onRegisteredDomain(pageHost, detail.agency.domains ?? [])) {
        link.append(el('div', 'w', words('domain')))
        label += `. ${words('domain')}`
      }
      link.setAttribute('aria-label', label)
    })
    .catch(fail)
}

const current = typeof document === 'undefined' ? null : document.currentScript
if (current?.tagName === 'SCRIPT') start(current as HTMLScriptElement)
