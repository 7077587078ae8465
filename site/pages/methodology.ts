/** The methodology page: generated from the methodology data (the same document as docs/methodology.md). */

import { renderMethodologyDoc } from '../../shared/rating/methodology-doc.js'
import type { Methodology } from '../../shared/rating/methodology-types.js'
import { t } from '../i18n.js'
import { html, raw } from './html.js'
import { layout, type PageContext } from './layout.js'
import { markdownToHtml } from './markdown.js'

export function methodologyPage(ctx: PageContext, active: Methodology, all: readonly Methodology[]): string {
  const { lang } = ctx
  const main = html`<h1>${t(lang, 'methodologyTitle')}</h1>
<p class="lead">${t(lang, 'methodologyIntro')}</p>
<section aria-labelledby="ver-h"><h2 id="ver-h">${t(lang, 'versions')}</h2><ul>${all.map(
    (m) =>
      html`<li><code>${m.id}@${m.version}</code> · ${m.title[lang]} · ${m.effectiveFrom}${m.version === active.version && m.id === active.id ? html` · <strong>${t(lang, 'inForce')}</strong>` : ''}</li>`,
  )}</ul><p><a href="/v1/methodology">JSON</a></p></section>
<div class="doc">${raw(markdownToHtml(renderMethodologyDoc(active), 1))}</div>`
  return layout(ctx, { title: t(lang, 'methodologyTitle'), main })
}
