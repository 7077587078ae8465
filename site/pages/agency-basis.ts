/** The basis of a grade as the agency page shows it: vetoes, caps, dimensions, records. */
import { type Label, RECORD_KIND_LABELS, SEVERITY_LABELS } from '../../shared/agency/vocabulary.js'
import type { ratingView } from '../../shared/public/views.js'
import type { IndicatorResult } from '../../shared/rating/rating-types.js'
import { type Lang, t } from '../i18n.js'
import { bar } from './charts.js'
import { type Html, html } from './html.js'
import { cstDate, points, say } from './parts.js'

type RatingData = ReturnType<typeof ratingView>

/** The last CST day a record counts: countsUntil is the first instant it no longer does. */
const lastDay = (countsUntil: string) => cstDate(new Date(Date.parse(countsUntil) - 1).toISOString())

function indicator(i: IndicatorResult, lang: Lang): Html {
  if (!i.applicable)
    return html`<li class="na"><span class="iname">${say(i.name, lang)}</span> <span class="sub">${say(i.sentence, lang)}</span></li>`
  return html`<li><div class="irow"><span class="iname">${say(i.name, lang)}</span><span class="pts">${t(lang, 'points', { earned: points(i.earned), max: points(i.max) })}</span></div>
${bar(i.earned, i.max)}
<p>${say(i.sentence, lang)}</p>
${i.findings.length > 0 ? html`<ul class="findings">${i.findings.map((f) => html`<li class="${f.points < 0 ? 'minus' : f.points > 0 ? 'plus' : ''}">${f.points !== 0 ? html`<b>${f.points > 0 ? '+' : '−'}${points(Math.abs(f.points))}</b> ` : ''}${say(f.sentence, lang)}${f.recordId ? html` <a href="#r-${f.recordId}" class="sub" aria-label="${t(lang, 'seeRecord')}">#</a>` : ''}</li>`)}</ul>` : ''}
</li>`
}

export function basisSection(r: RatingData, lang: Lang): Html {
  const vetoes =
    r.vetoes.length > 0
      ? html`<div class="alert" role="note"><h3>${t(lang, 'vetoes')}</h3><ul>${r.vetoes.map((v) => html`<li><strong>${say(v.name, lang)}</strong>：${say(v.sentence, lang)}</li>`)}</ul></div>`
      : ''
  const caps =
    r.caps.length > 0
      ? html`<div class="alert caution" role="note"><h3>${t(lang, 'caps')}</h3><ul>${r.caps.map((c) => html`<li><strong>${say(c.name, lang)}</strong>：${say(c.sentence, lang)}</li>`)}</ul></div>`
      : ''
  const dims = r.dimensions.map(
    (
      d,
    ) => html`<section class="dim" aria-labelledby="d-${d.id}"><div class="irow"><h3 id="d-${d.id}">${say(d.name, lang)}</h3><span class="pts">${t(lang, 'points', { earned: points(d.earned), max: points(d.max) })}</span></div>
${bar(d.earned, d.max)}
<ul class="indicators">${d.indicators.map((i) => indicator(i, lang))}</ul></section>`,
  )
  const bonus = r.bonus
    ? html`<section class="dim" aria-labelledby="d-bonus"><div class="irow"><h3 id="d-bonus">${say(r.bonus.name, lang)}</h3><span class="pts">${t(lang, 'points', { earned: points(Math.min(r.bonus.cap, r.bonus.uncapped)), max: points(r.bonus.cap) })}</span></div>
<ul class="indicators">${r.bonus.indicators.map((i) => indicator(i, lang))}</ul></section>`
    : ''
  return html`<section aria-labelledby="basis-h"><h2 id="basis-h">${t(lang, 'basis')}</h2>${vetoes}${caps}${dims}${bonus}</section>`
}

/** Objections the public may see beside a record: dismissed ones with the officer's reason. */
export type RecordObjections = {
  /** Where a new objection is filed (absent where objections are not taken). */
  objectHref?: (recordId: string) => string
  dismissed: { recordId: string; on: string; reason: Label }[]
}

function objectionsOf(recordId: string, o: RecordObjections, lang: Lang): Html {
  const dismissed = o.dismissed.filter((d) => d.recordId === recordId)
  return html`${dismissed.map((d) => html`<p class="sub dismissed">${t(lang, 'objectionDismissedOn', { date: d.on })}${say(d.reason, lang)}</p>`)}${o.objectHref ? html`<p class="object"><a href="${o.objectHref(recordId)}">${t(lang, 'objectLink')}</a></p>` : ''}`
}

export function recordsSection(
  r: RatingData,
  lang: Lang,
  objections: RecordObjections = { dismissed: [] },
): Html {
  const items = r.records.map(
    (rec) => html`<li id="r-${rec.id}"${rec.status === 'under_objection' ? html` class="objected"` : ''}>
<p class="rhead"><time datetime="${rec.occurredOn}">${rec.occurredOn}</time> · ${rec.authority}</p>
<p class="rtitle">${say(rec.title, lang)} <span class="sub">${say(RECORD_KIND_LABELS[rec.kind], lang)}</span></p>
<dl class="rmeta">
<div><dt>${t(lang, 'recordDocument')}</dt><dd class="code">${rec.documentNo ?? '—'}</dd></div>
<div><dt>${t(lang, 'recordSeverity')}</dt><dd>${rec.severity ? say(SEVERITY_LABELS[rec.severity], lang) : '—'}</dd></div>
<div><dt>${t(lang, 'recordUntil')}</dt><dd>${rec.countsUntil ? lastDay(rec.countsUntil) : t(lang, 'noWindow')}</dd></div>
<div><dt>${t(lang, 'recordStatus')}</dt><dd>${rec.status === 'under_objection' ? html`<strong class="objection">${t(lang, 'underObjection')}</strong>` : t(lang, 'effective')}</dd></div>
<div><dt>${t(lang, 'recordPoints')}</dt><dd>${rec.points === 0 ? '0' : `${rec.points > 0 ? '+' : '−'}${points(Math.abs(rec.points))}`}</dd></div>
</dl>${objectionsOf(rec.id, objections, lang)}</li>`,
  )
  return html`<section aria-labelledby="recs-h"><h2 id="recs-h">${t(lang, 'records')}</h2>
${r.records.length === 0 ? html`<p>${t(lang, 'noRecords')}</p>` : html`<ol class="recs">${items}</ol>`}</section>`
}
