/**
 * The badge, rendered by us (never redirected to a third party): a pure function from text and
 * colours to SVG, in shields.io's three common styles. Every piece of text is escaped and cleaned of
 * what XML forbids, so any agency name renders as inert, valid SVG.
 */
import { EM, FIRST_LATIN, LATIN_WIDTHS, OTHER_WIDTHS } from './widths.js'

export const BADGE_STYLES = ['flat', 'flat-square', 'for-the-badge'] as const
export type BadgeStyle = (typeof BADGE_STYLES)[number]

export type BadgeInput = {
  label: string
  message: string
  /** Message background, `#rrggbb`. */
  color: string
  /** Label background, `#rrggbb`. */
  labelColor?: string
  style?: BadgeStyle
  /** Accessible name: the `<title>` and `aria-label`. */
  title: string
}

const FONT_FAMILY =
  "Verdana,Geneva,'DejaVu Sans','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
const DEFAULT_LABEL_COLOR = '#555555'
const PADDING = 5

/** The width in pixels of text in Verdana 11px (the measure shields.io uses; one em for CJK). */
export function textWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0
    width += charWidth(cp)
  }
  return width
}

function charWidth(cp: number): number {
  if (cp < FIRST_LATIN) return 0
  const latin = LATIN_WIDTHS[cp - FIRST_LATIN]
  if (latin !== undefined) return latin
  let lo = 0
  let hi = OTHER_WIDTHS.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [first, last, width] = OTHER_WIDTHS[mid] as readonly [number, number, number]
    if (cp < first) hi = mid - 1
    else if (cp > last) lo = mid + 1
    else return width
  }
  return EM
}

/** Characters XML 1.0 forbids, and lone surrogates. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML forbids is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text made safe for XML: forbidden characters replaced, markup characters escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Black or white text, whichever reads better on a background (as badge-maker decides). */
export function textColorOn(background: string): { text: string; shadow: string } {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(background.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ]
  const brightness = (r * 299 + g * 587 + b * 114) / 1000
  return brightness <= 0.69 ? { text: '#fff', shadow: '#010101' } : { text: '#333', shadow: '#ccc' }
}

const HEX = /^#[0-9a-f]{6}$/i
const odd = (n: number) => (n % 2 === 0 ? n + 1 : n)

/** Renders a badge as an SVG document. */
export function renderBadge(input: BadgeInput): string {
  const style = input.style ?? 'flat'
  const color = HEX.test(input.color) ? input.color : '#9f9f9f'
  const labelColor = input.labelColor && HEX.test(input.labelColor) ? input.labelColor : DEFAULT_LABEL_COLOR
  const caps = style === 'for-the-badge'
  const label = caps ? input.label.toUpperCase() : input.label
  const message = caps ? input.message.toUpperCase() : input.message
  const height = caps ? 28 : 20
  // for-the-badge: 10px bold with 1.25px letter spacing; bold Verdana is at most ~12% wider.
  const measure = (text: string) =>
    caps
      ? Math.ceil(textWidth(text) * (10 / 11) * 1.12 + 1.25 * [...text].length)
      : odd(Math.ceil(textWidth(text)))
  const pad = caps ? 12 : PADDING
  const labelWidth = label ? measure(label) + 2 * pad : 0
  const messageWidth = measure(message) + 2 * pad
  const width = labelWidth + messageWidth
  const title = escapeXml(input.title)
  const labelInk = textColorOn(labelColor)
  const messageInk = textColorOn(color)
  const rounded = style === 'flat'
  const fontSize = caps ? 10 : 11
  const baseline = caps ? 18 : 14
  const text = (content: string, x: number, ink: { text: string; shadow: string }) => {
    const escaped = escapeXml(content)
    const shadow = rounded
      ? `<text x="${x}" y="${baseline + 1}" fill="${ink.shadow}" fill-opacity=".3" aria-hidden="true">${escaped}</text>`
      : ''
    return `${shadow}<text x="${x}" y="${baseline}" fill="${ink.text}">${escaped}</text>`
  }
  const gradient = rounded
    ? `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${width}" height="${height}" rx="3" fill="#fff"/></clipPath>`
    : ''
  const clip = rounded ? ' clip-path="url(#r)"' : ''
  const overlay = rounded ? `<rect width="${width}" height="${height}" fill="url(#s)"/>` : ''
  const weight = caps ? ' font-weight="bold" letter-spacing="1.25"' : ''
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    gradient,
    `<g${clip}>`,
    label ? `<rect width="${labelWidth}" height="${height}" fill="${labelColor}"/>` : '',
    `<rect x="${labelWidth}" width="${messageWidth}" height="${height}" fill="${color}"/>`,
    overlay,
    '</g>',
    `<g font-family="${FONT_FAMILY}" font-size="${fontSize}"${weight} text-anchor="middle" text-rendering="geometricPrecision">`,
    label ? text(label, labelWidth / 2, labelInk) : '',
    text(message, labelWidth + messageWidth / 2, messageInk),
    '</g>',
    '</svg>',
  ].join('')
}
