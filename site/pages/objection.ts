/**
 * Objections (异议) on the site, without JavaScript: the form that names a record and says why it
 * is wrong (posted as a plain form), and the page that tells where an objection stands.
 */
import type { Label } from '../../shared/agency/vocabulary.js'
import type { ObjectionPolicy, PublicObjectionStatus } from '../../shared/objections/policy.js'
import { type Lang, type StringKey, t } from '../i18n.js'
import { type Html, html } from './html.js'
import { layout, type PageContext } from './layout.js'
import { say } from './parts.js'

export type ObjectedRecord = {
  id: string
  occurredOn: string
  title: Label
  authority: string
  documentNo?: string
}
type AgencyRef = { uscc: string; name: string }

const STATE_KEYS: Record<PublicObjectionStatus, StringKey> = {
  received: 'objectionState_received',
  under_review: 'objectionState_under_review',
  upheld: 'objectionState_upheld',
  dismissed: 'objectionState_dismissed',
  withdrawn: 'objectionState_withdrawn',
}

export const objectionState = (status: PublicObjectionStatus, lang: Lang) => t(lang, STATE_KEYS[status])

/** The answer time and where it comes from; a provisional default says so. */
export function objectionLimit(policy: ObjectionPolicy, lang: Lang): string {
  const source = `${say(policy.source, lang)}${policy.provisional ? ` · ${t(lang, 'provisionalMark')} †` : ''}`
  return t(lang, 'objectionLimit', { days: policy.answerDays, source })
}

function recordSummary(agency: AgencyRef, record: ObjectedRecord, lang: Lang): Html {
  return html`<section class="card" aria-labelledby="rec-h"><h2 id="rec-h">${t(lang, 'objectionRecord')}</h2>
<p><a href="/a/${agency.uscc}#r-${record.id}"${lang === 'en' ? html` lang="zh-CN"` : ''}>${agency.name}</a></p>
<p class="rhead"><time datetime="${record.occurredOn}">${record.occurredOn}</time> · ${record.authority}${record.documentNo ? html` · <span class="code">${record.documentNo}</span>` : ''}</p>
<p class="rtitle">${say(record.title, lang)}</p></section>`
}

export function objectionFormPage(
  ctx: PageContext,
  data: {
    agency: AgencyRef
    record: ObjectedRecord
    policy: ObjectionPolicy
    statement?: string
    error?: string
  },
): string {
  const { lang } = ctx
  const { agency, record, error } = data
  const main = html`<h1>${t(lang, 'objectionTitle')}</h1>
${recordSummary(agency, record, lang)}
<form method="post" action="/a/${agency.uscc}/objections" class="objection-form" novalidate>
<input type="hidden" name="recordId" value="${record.id}">
${error ? html`<div class="alert" role="alert" id="obj-err"><p>${t(lang, 'objectionError')} ${error}</p></div>` : ''}
<label for="statement">${t(lang, 'objectionStatement')}</label>
<p class="sub" id="statement-hint">${t(lang, 'objectionHint')}</p>
<textarea id="statement" name="statement" rows="8" minlength="10" maxlength="2000" required aria-describedby="${error ? 'obj-err ' : ''}statement-hint"${error ? html` aria-invalid="true"` : ''}>${data.statement ?? ''}</textarea>
<p>${objectionLimit(data.policy, lang)}</p>
<button type="submit">${t(lang, 'objectionSubmit')}</button>
</form>`
  return layout(ctx, { title: t(lang, 'objectionTitle'), main })
}

export type ObjectionStanding = {
  id: string
  status: PublicObjectionStatus
  filedOn: string
  answerBy: string
  overdue: boolean
  resolution?: Label
}

export function objectionStatusPage(
  ctx: PageContext,
  data: { agency: AgencyRef; record?: ObjectedRecord; objection: ObjectionStanding; policy: ObjectionPolicy },
): string {
  const { lang } = ctx
  const o = data.objection
  const main = html`<h1>${t(lang, 'objectionStatusTitle')}</h1>
<p class="big"><strong class="objection-state state-${o.status}">${objectionState(o.status, lang)}</strong></p>
${o.overdue ? html`<p class="warn" role="note">${t(lang, 'objectionOverdue')}</p>` : ''}
<dl class="facts">
<div><dt>${t(lang, 'objectionFiled')}</dt><dd><time datetime="${o.filedOn}">${o.filedOn}</time></dd></div>
<div><dt>${t(lang, 'objectionAnswerBy')}</dt><dd><time datetime="${o.answerBy}">${o.answerBy}</time></dd></div>
<div><dt>ID</dt><dd class="code">${o.id}</dd></div>
</dl>
${o.resolution ? html`<section aria-labelledby="res-h"><h2 id="res-h">${t(lang, 'objectionReason')}</h2><p>${say(o.resolution, lang)}</p></section>` : ''}
${data.record ? recordSummary(data.agency, data.record, lang) : html`<p><a href="/a/${data.agency.uscc}">${data.agency.name}</a></p>`}
<p class="sub">${objectionLimit(data.policy, lang)} ${t(lang, 'objectionKeep')}</p>`
  return layout(ctx, { title: t(lang, 'objectionStatusTitle'), main })
}
