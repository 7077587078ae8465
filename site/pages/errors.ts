/** Error pages: what went wrong in plain words, and the way back. */
import { t } from '../i18n.js'
import { html } from './html.js'
import { layout, type PageContext } from './layout.js'

export function errorPage(ctx: PageContext, title: string, message: string): string {
  const main = html`<h1>${title}</h1><p>${message}</p><p><a href="/">${t(ctx.lang, 'backHome')}</a></p>`
  return layout(ctx, { title, main })
}
