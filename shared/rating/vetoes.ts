/** Vetoes (forcing the lowest grade) and caps (holding the grade down) from live records and permits. */
import { PERMIT_KIND_LABELS, SERVICE_TYPE_LABELS } from '../agency/vocabulary.js'
import { cstInstant, dayAfter } from '../time/calendar.js'
import type { Context, Prepared } from './indicators.js'
import type { PermitRequirement } from './methodology-types.js'
import type { CapResult, VetoResult } from './rating-types.js'
import { fill, joinLabels } from './text.js'

/** Every veto that applies, one result per failing permit requirement or per matching veto rule. */
export function findVetoes(ctx: Context): VetoResult[] {
  const results: VetoResult[] = []
  ctx.c.m.vetoes.forEach((veto, i) => {
    const base = { id: veto.id, name: veto.name, source: veto.source }
    if (veto.type === 'permits') {
      for (const req of veto.requirements) {
        const offered = ctx.agency.serviceTypes.filter((s) => req.services.includes(s))
        if (offered.length === 0 || holdsPermit(req, ctx)) continue
        const sentence = fill(veto.sentence, {
          service: joinLabels(offered.map((s) => SERVICE_TYPE_LABELS[s])),
          permit: joinLabels(
            req.anyOf.map((k) => PERMIT_KIND_LABELS[k]),
            '或',
            ' or ',
          ),
        })
        results.push({ ...base, sentence, recordIds: [] })
      }
      return
    }
    const matches = ctx.c.vetoMatchers[i]
    const hits = matches ? ctx.live.filter((p) => matches(p.r)) : []
    if (hits.length)
      results.push({ ...base, sentence: recordSentence(veto.sentence, hits), recordIds: ids(hits) })
  })
  return results
}

/** Caps that hold while a matching record is live. */
export function findCaps(ctx: Context): CapResult[] {
  const results: CapResult[] = []
  ctx.c.m.caps.forEach((cap, i) => {
    const matches = ctx.c.capMatchers[i]
    const hits = matches ? ctx.live.filter((p) => matches(p.r)) : []
    if (hits.length === 0) return
    results.push({
      id: cap.id,
      name: cap.name,
      maxGrade: cap.maxGrade,
      sentence: cap.sentence,
      recordIds: ids(hits),
      source: cap.source,
    })
  })
  return results
}

/** True when the agency holds, at the instant, a valid permit that meets the requirement. */
function holdsPermit(req: PermitRequirement, ctx: Context): boolean {
  let holds = false
  for (const permit of ctx.agency.permits) {
    if (!req.anyOf.includes(permit.kind) || permit.status !== 'valid') continue
    const from = cstInstant(permit.issuedOn)
    const until = permit.validUntil === undefined ? undefined : dayAfter(permit.validUntil)
    if (from > ctx.at) ctx.events.push(from)
    if (until !== undefined && until > ctx.at) ctx.events.push(until)
    if (from <= ctx.at && (until === undefined || ctx.at < until)) holds = true
  }
  return holds
}

function recordSentence(template: { zh: string; en: string }, hits: Prepared[]) {
  return fill(template, {
    record: joinLabels(
      hits.map((p) => p.r.title),
      '；',
      '; ',
    ),
  })
}

const ids = (hits: Prepared[]) => hits.map((p) => p.r.id)
