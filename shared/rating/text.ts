/** Filling the methodology's zh/en sentence templates, and writing points for people. */
import type { Label } from '../agency/vocabulary.js'

/** A value for a template slot: the same in both languages, or one per language. */
export type Slot = string | Label

/** Replaces each `{name}` in both templates with its value. Unknown names are left as they are. */
export function fill(template: Label, slots: Record<string, Slot>): Label {
  return { zh: fillOne(template.zh, slots, 'zh'), en: fillOne(template.en, slots, 'en') }
}

/** A template split once into text and slot names: even indexes are text, odd ones slot names. */
const compiled = new Map<string, string[]>()

function parts(template: string): string[] {
  let split = compiled.get(template)
  if (!split) {
    split = template.split(/\{(\w+)\}/)
    if (compiled.size < 10_000) compiled.set(template, split)
  }
  return split
}

function fillOne(template: string, slots: Record<string, Slot>, lang: 'zh' | 'en'): string {
  const split = parts(template)
  if (split.length === 1) return template
  let out = ''
  for (let i = 0; i < split.length; i++) {
    const piece = split[i] as string
    if (i % 2 === 0) {
      out += piece
      continue
    }
    const slot = slots[piece]
    out += slot === undefined ? `{${piece}}` : typeof slot === 'string' ? slot : slot[lang]
  }
  return out
}

/** Tenths as points: 50 → "5", 25 → "2.5"; always the absolute value. */
export function points(tenths: number): string {
  const abs = Math.abs(tenths)
  return abs % 10 === 0 ? String(abs / 10) : `${Math.floor(abs / 10)}.${abs % 10}`
}

/** Joins labels with the language's list separator. */
export function joinLabels(labels: readonly Label[], zhSep = '、', enSep = ', '): Label {
  return { zh: labels.map((l) => l.zh).join(zhSep), en: labels.map((l) => l.en).join(enSep) }
}
