/** The page behind the iframe embed: just the widget, told that it sits in a frame. */
import { HTML_LANG, type Lang, WIDGET_STRINGS } from '../i18n.js'
import { html } from './html.js'

export function cardPage(uscc: string, lang: Lang, theme: 'light' | 'dark'): string {
  return html`<!doctype html>
<html lang="${HTML_LANG[lang]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${WIDGET_STRINGS.label[lang]}</title></head>
<body><script src="/widget.js" data-uscc="${uscc}" data-lang="${lang}" data-theme="${theme}" data-frame="1" async></script></body></html>`
    .value
}
