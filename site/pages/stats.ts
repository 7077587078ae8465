/** Statistics: the grade distribution overall, by province and by service type, as charts and tables. */
import {
  GRADE_LABELS,
  GRADES,
  type Grade,
  SERVICE_TYPE_LABELS,
  type ServiceType,
} from '../../shared/agency/vocabulary.js'
import type { gradeStats } from '../../shared/search/stats.js'
import { type Lang, t } from '../i18n.js'
import { gradeColumns, stackedBar } from './charts.js'
import { type Html, html } from './html.js'
import { layout, type PageContext } from './layout.js'
import { say } from './parts.js'

type Stats = ReturnType<typeof gradeStats>

const gradeHeads = (lang: Lang) =>
  GRADES.map((g) => html`<th scope="col"><abbr title="${GRADE_LABELS[g][lang]}">${g}</abbr></th>`)

function table(
  id: string,
  caption: string,
  rows: { name: string; total: number; byGrade: Record<Grade, number> }[],
  lang: Lang,
): Html {
  return html`<div class="scroll" tabindex="0" role="region" aria-labelledby="${id}"><table class="stats"><caption id="${id}">${caption}</caption><thead><tr><th scope="col">${caption}</th>${gradeHeads(lang)}<th scope="col">${t(lang, 'statsTotal')}</th><th scope="col"><span class="visually-hidden">%</span></th></tr></thead><tbody>${rows.map(
    (r) =>
      html`<tr><th scope="row">${r.name}</th>${GRADES.map((g) => html`<td class="num">${r.byGrade[g]}</td>`)}<td class="num">${r.total}</td><td class="barcell">${stackedBar(r.byGrade)}</td></tr>`,
  )}</tbody></table></div>`
}

export function statsPage(ctx: PageContext, stats: Stats): string {
  const { lang } = ctx
  const parts = GRADES.map((g) => `${g} ${stats.byGrade[g]}`).join(', ')
  const overall = t(lang, 'statsChartLabel', { title: t(lang, 'statsOverall'), parts })
  const provinces = Object.entries(stats.byProvince)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, p]) => p)
  const services = (
    Object.entries(stats.byServiceType) as [ServiceType, { total: number; byGrade: Record<Grade, number> }][]
  )
    .filter(([, s]) => s.total > 0)
    .map(([id, s]) => ({ name: say(SERVICE_TYPE_LABELS[id], lang), ...s }))
  const main = html`<h1>${t(lang, 'statsTitle')}</h1>
<section aria-labelledby="overall-h"><h2 id="overall-h">${t(lang, 'statsOverall')} (${stats.total})</h2>
${gradeColumns(stats.byGrade, overall)}
<ul class="legend">${GRADES.map((g) => html`<li><span class="swatch g-${g === 'A+' ? 'ap' : g.toLowerCase()}" aria-hidden="true"></span>${g} ${GRADE_LABELS[g][lang]}: ${stats.byGrade[g]}</li>`)}</ul>
</section>
<section aria-labelledby="prov-t">${table('prov-t', t(lang, 'statsByProvince'), provinces, lang)}</section>
<section aria-labelledby="svc-t">${table('svc-t', t(lang, 'statsByService'), services, lang)}</section>`
  return layout(ctx, { title: t(lang, 'statsTitle'), main })
}
