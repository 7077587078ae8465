/** The badge renderer: valid, inert SVG for any text, widths as shields.io measures them. */
import { DOMParser } from '@xmldom/xmldom'
import anafanafo from 'anafanafo'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { gradeBadge, notFoundBadge, shieldsEndpoint } from '../../../shared/badge/grade-badge.js'
import { BADGE_STYLES, renderBadge, textWidth } from '../../../shared/badge/render.js'

/** Parses SVG strictly: any XML error fails the test. */
function parse(svg: string) {
  const errors: string[] = []
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message)
    },
  }).parseFromString(svg, 'image/svg+xml')
  expect(errors).toEqual([])
  return doc
}

/** Every element name and attribute name in a document. */
function inventory(doc: ReturnType<typeof parse>) {
  const elements = new Set<string>()
  const attributes = new Set<string>()
  const walk = (node: Node) => {
    if (node.nodeType === 1) {
      const el = node as Element
      elements.add(el.localName)
      for (let i = 0; i < el.attributes.length; i++) attributes.add(el.attributes[i]?.name ?? '')
    }
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
  }
  walk(doc as unknown as Node)
  return { elements, attributes }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='x",
  'A & B 人力资源 <有限公司>',
  '\u202eevil\u202c 机构 \u200f',
  '\u0000\u0001bad\u001f control',
  `超长${'名'.repeat(200)}`,
  '\ud800 lone surrogate',
]

describe('renderBadge', () => {
  it.each(HOSTILE.flatMap((name) => BADGE_STYLES.map((style) => ({ name, style }))))(
    'renders "$name" in $style as inert, valid SVG',
    ({ name, style }) => {
      const svg = renderBadge({
        ...gradeBadge({ grade: 'A', name, asOf: '2026-12-04', stale: false, lang: 'zh', style }),
      })
      const doc = parse(svg)
      const { elements, attributes } = inventory(doc)
      expect([...elements].sort()).toEqual(expect.arrayContaining(['svg', 'title', 'rect', 'text', 'g']))
      expect([...elements].some((e) => /script|foreignObject|iframe|image|a$/i.test(e))).toBe(false)
      expect([...attributes].some((a) => /^on/i.test(a) || /href/i.test(a))).toBe(false)
      const root = doc.documentElement
      expect(root?.getAttribute('role')).toBe('img')
      expect(root?.getAttribute('aria-label')).toContain('截至 2026-12-04')
    },
  )

  it('names the grade and the as-of date in the title and aria-label, in either language', () => {
    const zh = parse(
      renderBadge(gradeBadge({ grade: 'A+', name: '众信', asOf: '2026-09-30', stale: false, lang: 'zh' })),
    )
    expect(zh.getElementsByTagName('title')[0]?.textContent).toBe(
      '众信：人力资源服务机构信用等级 A+（截至 2026-09-30）',
    )
    const en = renderBadge(gradeBadge({ grade: 'B', name: 'X', asOf: '2026-09-30', stale: true, lang: 'en' }))
    expect(en).toContain(
      'aria-label="X: HR service agency integrity grade B (as of 2026-09-30); stale, check the official page"',
    )
    expect(en).toContain('B Adequate (stale)')
    expect(en).toContain('#9f9f9f')
  })

  it('is wide enough for its text: Latin as badge-maker measures it, CJK one em per character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABCDEFabcdefxyz0123456789 -+()') }), (text) => {
        expect(textWidth(text)).toBeCloseTo(anafanafo(text, { font: '11px Verdana' }), 5)
      }),
    )
    expect(textWidth('诚信评级')).toBe(44)
    expect(textWidth('A+ 优秀')).toBeCloseTo(anafanafo('A+ 优秀', { font: '11px Verdana' }), 5)
    const svg = renderBadge({ label: '诚信评级', message: 'A+ 优秀', color: '#44cc11', title: 't' })
    const width = Number(/width="(\d+)"/.exec(svg)?.[1])
    expect(width).toBeGreaterThanOrEqual(Math.ceil(textWidth('诚信评级') + textWidth('A+ 优秀')) + 20)
  })

  it('never throws, and always gives valid XML, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string(),
        fc.constantFrom(...BADGE_STYLES),
        (label, message, style) => {
          parse(renderBadge({ label, message, color: '#123456', style, title: `${label}${message}` }))
        },
      ),
      { numRuns: 300 },
    )
  })
})

/** The shields.io endpoint schema (services/endpoint/endpoint.service.js), as a validator. */
const shieldsSchema = z
  .object({
    schemaVersion: z.literal(1),
    label: z.string(),
    message: z.string(),
    color: z.string().optional(),
    labelColor: z.string().optional(),
    isError: z.boolean().optional(),
    namedLogo: z.string().optional(),
    logoColor: z.string().optional(),
    style: z.string().optional(),
    cacheSeconds: z.number().int().min(300).optional(),
  })
  .strict()

describe('shields endpoint JSON', () => {
  it('validates against the shields schema and carries the same words and colour', () => {
    const badge = gradeBadge({ grade: 'C', name: 'x', asOf: '2026-12-04', stale: false, lang: 'en' })
    const json = shieldsEndpoint(badge)
    expect(shieldsSchema.parse(json)).toEqual({
      schemaVersion: 1,
      label: 'Integrity',
      message: 'C Poor',
      color: 'fe7d37',
      isError: false,
      cacheSeconds: 300,
    })
    expect(shieldsSchema.safeParse(shieldsEndpoint(notFoundBadge('zh'))).success).toBe(true)
  })
})
