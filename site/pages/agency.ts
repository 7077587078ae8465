/**
 * The agency page, complete without JavaScript: grade card, licences, the basis (dimensions with
 * points, reasons, findings), vetoes and caps, the records that count, the recovery calendar, grade
 * history, how to object, the disclaimer and a link to the signed attestation.
 */
import { GRADE_LABELS } from '../../shared/agency/vocabulary.js'
import type { agencyView, ratingView } from '../../shared/public/views.js'
import { DISCLAIMER } from '../../shared/public/views.js'
import { type Lang, t } from '../i18n.js'
import { basisSection, type RecordObjections, recordsSection } from './agency-basis.js'
import { type HistoryPoint, historyChart } from './charts.js'
import { type Html, html } from './html.js'
import { layout, type PageContext } from './layout.js'
import { cstDate, gradeChip, points, say } from './parts.js'

export type AgencyPageData = {
  agency: ReturnType<typeof agencyView>
  rating: ReturnType<typeof ratingView> | null
  history: HistoryPoint[]
  links: { attestation: string; jwks: string; badge: string }
  /** The agency's audit chain: how many events, and the hash of the newest (anyone can re-walk it). */
  audit: { length: number; head: string | null }
  objections: RecordObjections
}

function gradeCard(data: AgencyPageData, lang: Lang): Html {
  const r = data.rating
  if (!r)
    return html`<section class="card grade-card" aria-labelledby="grade-h"><h2 id="grade-h">${t(lang, 'grade')}</h2>${gradeChip('NR', lang)}</section>`
  const score = r.score
  return html`<section class="card grade-card${r.stale ? ' is-stale' : ''}" aria-labelledby="grade-h">
<h2 id="grade-h">${t(lang, 'grade')}</h2>
<p class="big">${gradeChip(r.grade, lang, r.stale)}</p>
${r.notRated ? html`<p>${say(r.notRated.sentence, lang)}</p>` : ''}
<dl class="facts">
${score ? html`<div><dt>${t(lang, 'score')}</dt><dd><strong>${points(score.total)}</strong> <span class="sub">(${t(lang, 'scoreOf', { base: points(score.base), maxBase: points(score.maxBase), bonus: points(score.bonus) })})</span></dd></div>` : ''}
<div><dt>${t(lang, 'asOf')}</dt><dd><time datetime="${r.asOfDate}">${r.asOfDate}</time></dd></div>
${r.validUntil ? html`<div><dt>${t(lang, 'validUntil')}</dt><dd><time datetime="${cstDate(r.validUntil)}">${cstDate(r.validUntil)}</time></dd></div>` : ''}
</dl>
${r.stale ? html`<p class="warn" role="note">${t(lang, 'stale')}</p>` : ''}
<p class="sub">${t(lang, 'methodologyVersion', { id: r.methodology.id, version: r.methodology.version })} · <a href="/methodology">${t(lang, 'navMethodology')}</a></p>
</section>`
}

function licences(data: AgencyPageData, lang: Lang): Html {
  const permits = data.agency.permits
  return html`<section aria-labelledby="lic-h"><h2 id="lic-h">${t(lang, 'licences')}</h2>
${
  permits.length === 0
    ? html`<p>${t(lang, 'noLicences')}</p>`
    : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="lic-h"><table><thead><tr><th scope="col">${t(lang, 'licenceKind')}</th><th scope="col">${t(lang, 'licenceNumber')}</th><th scope="col">${t(lang, 'licenceAuthority')}</th><th scope="col">${t(lang, 'licenceValid')}</th><th scope="col">${t(lang, 'licenceStatus')}</th></tr></thead><tbody>${permits.map(
        (p) =>
          html`<tr><td>${say(p.kindLabel, lang)}</td><td class="code">${p.number}</td><td>${p.authority}</td><td>${p.validUntil ?? '—'}</td><td class="permit-${p.status}">${say(p.statusLabel, lang)}</td></tr>`,
      )}</tbody></table></div>`
}</section>`
}

function recovery(data: AgencyPageData, lang: Lang): Html {
  const steps = data.rating?.recovery ?? []
  if (steps.length === 0) return html``
  return html`<section aria-labelledby="rec-h"><h2 id="rec-h">${t(lang, 'recovery')}</h2><p>${t(lang, 'recoveryIntro')}</p><ol class="recovery">${steps.map(
    (s) =>
      html`<li>${t(lang, 'recoveryStep', { date: cstDate(s.countsUntil), grade: `${s.grade} ${GRADE_LABELS[s.grade][lang]}` })}</li>`,
  )}</ol></section>`
}

function history(data: AgencyPageData, lang: Lang): Html {
  const items = data.history
  return html`<section aria-labelledby="hist-h"><h2 id="hist-h">${t(lang, 'history')}</h2>
${
  items.length === 0
    ? html`<p>${t(lang, 'historyEmpty')}</p>`
    : html`${historyChart(items, `${t(lang, 'history')}: ${items.map((i) => `${i.date} ${i.grade}`).join(', ')}`)}
<div class="scroll" tabindex="0" role="region" aria-labelledby="hist-h"><table class="compact"><thead><tr><th scope="col">${t(lang, 'historyDate')}</th><th scope="col">${t(lang, 'grade')}</th><th scope="col">${t(lang, 'score')}</th></tr></thead><tbody>${items.map(
        (i) =>
          html`<tr><td>${i.date}</td><td>${gradeChip(i.grade, lang)}</td><td>${i.score === null ? '—' : points(i.score)}</td></tr>`,
      )}</tbody></table></div>`
}</section>`
}

export function agencyPage(ctx: PageContext, data: AgencyPageData): string {
  const { lang } = ctx
  const a = data.agency
  const main = html`<article class="agency">
<header class="agency-head">
<h1${lang === 'en' ? html` lang="zh-CN"` : ''}>${a.name}</h1>
${a.aliases.length > 0 ? html`<p class="sub">${t(lang, 'aliases')}：${a.aliases.join('、')}</p>` : ''}
<dl class="facts">
<div><dt>${t(lang, 'uscc')}</dt><dd class="code">${a.uscc}</dd></div>
<div><dt>${t(lang, 'region')}</dt><dd>${a.regionName ?? a.region}</dd></div>
<div><dt>${t(lang, 'services')}</dt><dd>${a.serviceTypes.map((s) => say(s.label, lang)).join(lang === 'zh' ? '、' : ', ')}</dd></div>
<div><dt>${t(lang, 'founded')}</dt><dd>${a.foundedOn} · ${a.status === 'operating' ? t(lang, 'statusOperating') : t(lang, 'statusDeregistered')}</dd></div>
</dl>
</header>
${gradeCard(data, lang)}
${licences(data, lang)}
${data.rating ? basisSection(data.rating, lang) : ''}
${data.rating ? recordsSection(data.rating, lang, data.objections) : ''}
${recovery(data, lang)}
${history(data, lang)}
<section aria-labelledby="obj-h"><h2 id="obj-h">${t(lang, 'objection')}</h2><p>${t(lang, 'objectionText')}</p></section>
<section aria-labelledby="disc-h" class="disclaimer"><h2 id="disc-h">${t(lang, 'disclaimer')}</h2><p>${say(DISCLAIMER, lang)}</p>
<p>${t(lang, 'officialSources')}：<a href="https://www.creditchina.gov.cn/" rel="noopener">信用中国 Credit China</a> · <a href="https://www.gsxt.gov.cn/" rel="noopener">国家企业信用信息公示系统 National Enterprise Credit Information Publicity System</a></p></section>
${
  data.rating
    ? html`<section aria-labelledby="ver-h"><h2 id="ver-h">${t(lang, 'verify')}</h2><p>${t(lang, 'verifyText')} <a href="${data.links.attestation}">${t(lang, 'attestation')}</a> · <a href="${data.links.jwks}">${t(lang, 'publicKeys')}</a></p><p class="sub code">contentHash ${data.rating.contentHash}</p>
<p class="sub">${t(lang, 'auditChain', { n: data.audit.length })} <span class="code">${data.audit.head ?? '—'}</span></p></section>`
    : ''
}
</article>`
  return layout(ctx, {
    title: a.name,
    main,
    description: `${a.name} · ${t(lang, 'grade')} ${data.rating?.grade ?? 'NR'}`,
  })
}
