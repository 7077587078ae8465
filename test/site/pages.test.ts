/** The site's pure pieces: escaping, URLs, the widget's domain check, the methodology document. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { renderMethodologyDoc } from '../../shared/rating/methodology-doc.js'
import { html, raw, safeUrl } from '../../site/pages/html.js'
import { withLang } from '../../site/pages/layout.js'
import { markdownToHtml } from '../../site/pages/markdown.js'
import { onRegisteredDomain } from '../../site/widget/widget.js'

describe('html', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = html`<p title="${text}">${text}</p>`.value
        const inner = out.slice('<p title="'.length, -'</p>'.length)
        const parts = inner.split('">')
        expect(parts).toHaveLength(2)
        for (const part of parts) expect(part).not.toMatch(/[<>'"]/)
      }),
    )
    expect(html`${raw('<b>')}${'<b>'}`.value).toBe('<b>&lt;b&gt;')
    expect(html`${[1, null, false, undefined, 'a&b']}`.value).toBe('1a&amp;b')
  })

  it('lets only web, mail and same-site links through', () => {
    expect(safeUrl('https://www.creditchina.gov.cn/')).toBe('https://www.creditchina.gov.cn/')
    expect(safeUrl('/a/91440101MA5TEQT04H')).toBe('/a/91440101MA5TEQT04H')
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      '//evil.example/',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(safeUrl(bad)).toBe('#')
  })

  it('switches the language of a URL and keeps the rest of its query', () => {
    expect(withLang('/a/X', 'en')).toBe('/a/X?lang=en')
    expect(withLang('/?q=%E5%B9%BF&grade=A', 'zh')).toBe('/?q=%E5%B9%BF&grade=A&lang=zh')
  })
})

describe("the widget's domain check", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/)
  // A name under a letters-only top-level label (a numeric one would read as an IPv4 address).
  const domain = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 2 }), fc.stringMatching(/^[a-z]{2,6}$/))
    .map(([l, tld]) => [...l, tld].join('.'))

  it('accepts the registered domain, with or without www., and any subdomain of it', () => {
    fc.assert(
      fc.property(domain, label, (d, sub) => {
        expect(onRegisteredDomain(d, [`www.${d}`])).toBe(true)
        expect(onRegisteredDomain(`www.${d}`, [d])).toBe(true)
        expect(onRegisteredDomain(`${sub}.${d}`.toUpperCase(), [d])).toBe(true)
      }),
    )
  })

  it('refuses look-alikes: a suffix that is not a label boundary, or the domain inside another', () => {
    fc.assert(
      fc.property(domain, label, (d, extra) => {
        expect(onRegisteredDomain(`${extra}${d}`, [d])).toBe(false)
        expect(onRegisteredDomain(`${d}.${extra}x`, [d])).toBe(false)
      }),
    )
    expect(onRegisteredDomain('localhost', [])).toBe(false)
    expect(onRegisteredDomain('evil.example', [''])).toBe(false)
    // A bare top-level name would let every site under it pass.
    expect(onRegisteredDomain('evil.cn', ['cn'])).toBe(false)
  })

  it('reads registered domains as a browser reads hostnames: Chinese names, schemes, paths', () => {
    // The browser gives the page's hostname in punycode.
    expect(onRegisteredDomain(new URL('http://www.人力.中国/').hostname, ['人力.中国'])).toBe(true)
    expect(onRegisteredDomain('www.agency.example', ['https://agency.example/jobs'])).toBe(true)
    expect(onRegisteredDomain('Agency.Example', ['AGENCY.example'])).toBe(true)
  })
})

describe('the methodology page', () => {
  it('turns the generated document into tables and links without letting markup through', () => {
    const out = markdownToHtml(renderMethodologyDoc(DEFAULT_METHODOLOGY), 1)
    expect(out).toContain('<table>')
    expect(out).toContain('<h2>')
    expect(out).toMatch(/<a href="https?:\/\/[^"]+" rel="noopener">/)
    expect(markdownToHtml('| a |\n|---|\n| <script>x</script> [y](javascript:alert(1)) |')).not.toMatch(
      /<script>|href="javascript/,
    )
  })
})
