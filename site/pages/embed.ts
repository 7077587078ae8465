/**
 * Embed: pick an agency and a badge style, language and theme; copy a plain badge link, the widget
 * script or an iframe; see them live. The form works without JavaScript; embed.js updates as you go.
 */
import { BADGE_STYLES } from '../../shared/badge/render.js'
import { type Lang, t } from '../i18n.js'
import { type Html, html } from './html.js'
import { layout, type PageContext } from './layout.js'

export type EmbedChoice = { uscc?: string; style: string; badgeLang: Lang; theme: 'light' | 'dark' }

/** The three snippets for a choice (text to copy, never markup of ours). */
export function snippets(origin: string, c: Required<EmbedChoice>) {
  const page = `${origin}/a/${c.uscc}`
  const badge = `${origin}/v1/agencies/${c.uscc}/badge.svg?style=${c.style}&lang=${c.badgeLang}&theme=${c.theme}`
  const alt = c.badgeLang === 'zh' ? '诚信评级' : 'Chengxin integrity grade'
  return {
    badgeUrl: badge,
    badge: `<a href="${page}"><img src="${badge.replace(/&/g, '&amp;')}" alt="${alt}" height="${c.style === 'for-the-badge' ? 28 : 20}"></a>`,
    widget: `<script src="${origin}/widget.js" data-uscc="${c.uscc}" data-lang="${c.badgeLang}" data-theme="${c.theme}" async></script>`,
    iframe: `<iframe src="${origin}/embed/card/${c.uscc}?lang=${c.badgeLang}&amp;theme=${c.theme}" title="${alt}" width="320" height="112" loading="lazy" style="border:0"></iframe>`,
  }
}

const select = (name: string, label: string, values: [string, string][], selected: string): Html =>
  html`<label>${label} <select name="${name}">${values.map(([v, text]) => html`<option value="${v}"${v === selected ? html` selected` : ''}>${text}</option>`)}</select></label>`

function snippetBlock(id: string, label: string, code: string, lang: Lang): Html {
  return html`<div class="snippet"><label for="${id}">${label}</label><textarea id="${id}" readonly rows="3" spellcheck="false">${code}</textarea><button type="button" class="copy" data-for="${id}" data-done="${t(lang, 'copied')}">${t(lang, 'copy')}</button></div>`
}

export function embedPage(ctx: PageContext, origin: string, choice: EmbedChoice, problem?: string): string {
  const { lang } = ctx
  const ready =
    choice.uscc && !problem ? ({ ...choice, uscc: choice.uscc } as Required<EmbedChoice>) : undefined
  const s = ready ? snippets(origin, ready) : undefined
  const main = html`<h1>${t(lang, 'embedTitle')}</h1>
<p>${t(lang, 'embedIntro')}</p>
<form class="embed" action="/embed" method="get" id="embed-form" data-origin="${origin}">
<label for="uscc">${t(lang, 'embedAgency')}</label>
<div class="row"><input id="uscc" name="uscc" value="${choice.uscc ?? ''}" maxlength="40" autocomplete="off" spellcheck="false"${problem ? html` aria-invalid="true" aria-describedby="uscc-err"` : ''}>
<button type="submit">${t(lang, 'embedShow')}</button></div>
${problem ? html`<p id="uscc-err" class="error" role="alert">${problem}</p>` : ''}
<div class="filters">
${select(
  'style',
  t(lang, 'embedStyle'),
  BADGE_STYLES.map((v) => [v, v]),
  choice.style,
)}
${select(
  'badgeLang',
  t(lang, 'embedLang'),
  [
    ['zh', '中文'],
    ['en', 'English'],
  ],
  choice.badgeLang,
)}
${select(
  'theme',
  t(lang, 'embedTheme'),
  [
    ['light', t(lang, 'embedLight')],
    ['dark', t(lang, 'embedDark')],
  ],
  choice.theme,
)}
</div>
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
</form>
<section aria-labelledby="prev-h" id="embed-out"><h2 id="prev-h">${t(lang, 'embedPreview')}</h2>
${
  s && ready
    ? html`<p class="preview"><a href="/a/${ready.uscc}"><img id="preview-badge" src="${s.badgeUrl}" alt="${ready.badgeLang === 'zh' ? '诚信评级' : 'Chengxin integrity grade'}"></a></p>
<div class="preview" id="preview-widget"><script src="/widget.js" data-uscc="${ready.uscc}" data-lang="${ready.badgeLang}" data-theme="${ready.theme}" async></script></div>
${snippetBlock('snip-badge', t(lang, 'embedBadge'), s.badge, lang)}
${snippetBlock('snip-widget', t(lang, 'embedWidget'), s.widget, lang)}
${snippetBlock('snip-iframe', t(lang, 'embedIframe'), s.iframe, lang)}`
    : html`<p>${t(lang, 'embedPick')}</p>`
}
</section>`
  return layout(ctx, { title: t(lang, 'embedTitle'), main, scripts: ['embed'] })
}
