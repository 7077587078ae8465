/**
 * Home: one search box with filters. Works without JavaScript (the form submits and the server
 * renders the results); search.js turns it into instant search over /v1/agencies.
 */
import { GRADES, SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../../shared/agency/vocabulary.js'
import { PROVINCES } from '../../shared/identity/regions.js'
import { type Lang, t } from '../i18n.js'
import { type Html, html } from './html.js'
import { layout, type PageContext } from './layout.js'
import { gradeChip, say } from './parts.js'

export type SearchForm = { q?: string; region?: string; grade?: string; serviceType?: string }

/** One result, as /v1/agencies answers it. */
export type SearchResult = {
  uscc: string
  name: string
  regionName: string | null
  grade: (typeof GRADES)[number]
  ratedOn: string | null
}

export type SearchOutcome = { total: number; items: SearchResult[]; next?: string } | { error: string }

function options(values: readonly [string, string][], selected: string | undefined, lang: Lang): Html {
  return html`<option value="">${t(lang, 'any')}</option>${values.map(
    ([value, text]) =>
      html`<option value="${value}"${selected === value ? html` selected` : ''}>${text}</option>`,
  )}`
}

/** The result list (the same markup search.js builds). */
export function resultList(outcome: SearchOutcome, lang: Lang, form: SearchForm): Html {
  if ('error' in outcome) return html`<p class="error" role="alert">${outcome.error}</p>`
  if (outcome.total === 0) return html`<p class="empty">${t(lang, 'noResults')}</p>`
  const nextHref = outcome.next
    ? `/?${new URLSearchParams({ ...clean(form), cursor: outcome.next }).toString()}`
    : undefined
  return html`<p class="count">${t(lang, 'results', { n: outcome.total })}</p>
<ol class="results">${outcome.items.map(
    (r) => html`<li><a href="/a/${r.uscc}"><span class="name" lang="zh-CN">${r.name}</span>
${gradeChip(r.grade, lang)}<span class="meta">${r.regionName ?? ''} · <span class="code">${r.uscc}</span></span></a></li>`,
  )}</ol>
${nextHref ? html`<p><a class="more" href="${nextHref}">${t(lang, 'more')}</a></p>` : ''}`
}

const clean = (form: SearchForm): Record<string, string> =>
  Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<
    string,
    string
  >

export function homePage(ctx: PageContext, form: SearchForm, outcome: SearchOutcome | undefined): string {
  const { lang } = ctx
  const provinces = Object.entries(PROVINCES).map(
    ([code, name]) => [code.slice(0, 2), name] as [string, string],
  )
  const grades = GRADES.map((g) => [g, g === 'NR' ? t(lang, 'notRated') : g] as [string, string])
  const services = SERVICE_TYPES.map((s) => [s, say(SERVICE_TYPE_LABELS[s], lang)] as [string, string])
  const main = html`<h1>${t(lang, 'tagline')}</h1>
<form class="search" action="/" method="get" role="search" data-lang="${lang}" data-count="${t(lang, 'results', { n: '{n}' })}" data-none="${t(lang, 'noResults')}" data-more="${t(lang, 'more')}" data-error="${t(lang, 'searchError')}">
<label for="q">${t(lang, 'searchLabel')}</label>
<div class="row"><input id="q" name="q" type="search" value="${form.q ?? ''}" placeholder="${t(lang, 'searchPlaceholder')}" autocomplete="off" maxlength="100" aria-describedby="q-hint" aria-controls="results">
<button type="submit">${t(lang, 'searchButton')}</button></div>
<p id="q-hint" class="hint">${t(lang, 'searchHint')}</p>
<div class="filters">
<label>${t(lang, 'filterRegion')} <select name="region">${options(provinces, form.region, lang)}</select></label>
<label>${t(lang, 'filterGrade')} <select name="grade">${options(grades, form.grade, lang)}</select></label>
<label>${t(lang, 'filterService')} <select name="serviceType">${options(services, form.serviceType, lang)}</select></label>
</div>
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
</form>
<p id="search-status" class="visually-hidden" role="status"></p>
<section id="results" aria-label="${t(lang, 'searchStatus')}">${outcome ? resultList(outcome, lang, form) : ''}</section>`
  return layout(ctx, { title: t(lang, 'navSearch'), main, scripts: ['search'] })
}
