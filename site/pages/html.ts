/**
 * HTML by tagged template: every interpolated value is escaped unless it is already `Html` (made by
 * this tag or by `raw`). Arrays are joined; null, undefined and false render nothing. Pure.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[]

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe for HTML text and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string)
}

function render(part: Part): string {
  if (part instanceof Html) return part.value
  if (Array.isArray(part)) return part.map(render).join('')
  if (part === null || part === undefined || part === false) return ''
  return escapeHtml(String(part))
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? ''
  for (let i = 0; i < parts.length; i++) out += render(parts[i] as Part) + (strings[i + 1] ?? '')
  return new Html(out)
}

/** Markup we wrote ourselves (never data). */
export const raw = (markup: string): Html => new Html(markup)

/** A URL for an href or src: only http(s), mailto and same-site paths; anything else becomes '#'. */
export function safeUrl(url: string): string {
  return /^(https?:\/\/|mailto:|\/(?!\/))/i.test(url.trim()) ? url.trim() : '#'
}
