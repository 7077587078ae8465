/**
 * How objections (异议) are answered, and what the public sees of one. The time limit is a
 * deployment setting (OBJECTION_ANSWER_DAYS); its default is a design default with no published
 * source, and the site says so wherever it shows it.
 */
import type { ObjectionStatus } from '../agency/vocabulary.js'
import { addDays, chinaDate } from '../time/calendar.js'

export type ObjectionPolicy = {
  /** Calendar days from filing within which an officer answers. */
  answerDays: number
  source: { zh: string; en: string }
  provisional: boolean
}

export const DEFAULT_OBJECTION_POLICY: ObjectionPolicy = {
  answerDays: 10,
  source: {
    zh: '设计默认值（研究笔记中评价流程“异议→复核→书面答复 10 日”，无公开出处）',
    en: 'design default (research notes: "objection → re-check → written reply, 10 days"; no published source)',
  },
  provisional: true,
}

export const MIN_ANSWER_DAYS = 1
export const MAX_ANSWER_DAYS = 90

/** The policy for a configured number of days (from OBJECTION_ANSWER_DAYS), or the default. */
export function objectionPolicy(answerDays: string | undefined): ObjectionPolicy {
  if (answerDays === undefined || answerDays === '') return DEFAULT_OBJECTION_POLICY
  const days = Number(answerDays)
  if (!Number.isInteger(days) || days < MIN_ANSWER_DAYS || days > MAX_ANSWER_DAYS)
    throw new Error(
      `OBJECTION_ANSWER_DAYS must be a whole number of days from ${MIN_ANSWER_DAYS} to ${MAX_ANSWER_DAYS}; got "${answerDays}"`,
    )
  return {
    answerDays: days,
    source: {
      zh: '本部署的设置（OBJECTION_ANSWER_DAYS）',
      en: 'this deployment’s setting (OBJECTION_ANSWER_DAYS)',
    },
    provisional: false,
  }
}

/** The last China-time day of the answer period for an objection filed at `filedAt`. */
export function answerBy(filedAt: string, policy: ObjectionPolicy): string {
  return addDays(chinaDate(filedAt), policy.answerDays)
}

/** Where an objection stands, as the public is told. */
export type PublicObjectionStatus = 'received' | 'under_review' | 'upheld' | 'dismissed' | 'withdrawn'

/**
 * An objection is `received` (open) until an officer accepts it for review, which marks its record
 * 异议处理中; then it is `under_review` until upheld or dismissed.
 */
export function publicStatus(status: ObjectionStatus): PublicObjectionStatus {
  return status === 'open' ? 'received' : status
}

/** Whether the answer is late: undecided after its last day. */
export function overdue(status: PublicObjectionStatus, by: string, now: Date): boolean {
  return (status === 'received' || status === 'under_review') && chinaDate(now) > by
}
