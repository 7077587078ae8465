/** The methodology is cited data: every number sourced or provisional, sums that add up, versions frozen. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hashOf } from '../../../shared/canonical/json.js'
import { DEFAULT_METHODOLOGY, METHODOLOGIES } from '../../../shared/rating/methodologies/index.js'
import { renderMethodologyDoc } from '../../../shared/rating/methodology-doc.js'
import type { Methodology } from '../../../shared/rating/methodology-types.js'
import published from './published-methodologies.json' with { type: 'json' }

/** Every number in a value, with the path to it and the object holding it. */
function numbers(value: unknown, path = '', found: { path: string; holder: Record<string, unknown> }[] = []) {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'number')
        found.push({ path: `${path}.${key}`, holder: value as Record<string, unknown> })
      else numbers(child, `${path}.${key}`, found)
    }
  }
  return found
}

describe.each(METHODOLOGIES.map((m) => [`${m.id}@${m.version}`, m] as const))('%s', (_, m: Methodology) => {
  const sources = new Map(m.sources.map((s) => [s.id, s]))

  it('gives every number a source, marked provisional exactly when no source gives it', () => {
    const found = numbers(m)
    expect(found.length).toBeGreaterThan(40)
    for (const { path, holder } of found) {
      expect(Object.keys(holder).sort(), path).toEqual(
        holder.provisional ? ['provisional', 'source', 'value'] : ['source', 'value'],
      )
      const source = sources.get(String(holder.source))
      expect(source, `${path} cites ${String(holder.source)}`).toBeDefined()
      expect(source?.tier === 'provisional', path).toBe(holder.provisional === true)
    }
  })

  it('cites only sources it lists, and lists no source it never cites', () => {
    const cited = new Set<string>()
    const walk = (value: unknown) => {
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (/[sS]ource$/.test(key) && typeof child === 'string') cited.add(child)
          else if (/[sS]ources$/.test(key) && Array.isArray(child)) for (const id of child) cited.add(id)
          else walk(child)
        }
      }
    }
    walk({ ...m, sources: [] })
    for (const id of cited) expect(sources.has(id), id).toBe(true)
    for (const id of sources.keys())
      expect(cited.has(id) || id === 'ldt3002-catalogue', `${id} is never cited`).toBe(true)
  })

  it('adds up: indicators fill their dimension, dimensions fill the base of 100, bonus capped at 20', () => {
    for (const d of m.dimensions) {
      expect(
        d.indicators.reduce((t, i) => t + i.max.value, 0),
        d.id,
      ).toBe(d.max.value)
    }
    expect(m.dimensions.reduce((t, d) => t + d.max.value, 0)).toBe(100)
    expect(m.bonus.cap.value).toBe(20)
    for (const i of m.dimensions.flatMap((d) => d.indicators)) {
      if (i.rule.type === 'annual_reports')
        expect(i.rule.years.value * i.rule.points.filed.value).toBe(i.max.value)
      if (i.rule.type === 'operating_time')
        expect(Math.max(...i.rule.tiers.map((t) => t.points.value))).toBe(i.max.value)
    }
  })

  it('uses the national five-level scale from best to worst', () => {
    expect(m.scale.grades.map((g) => g.grade)).toEqual(['A+', 'A', 'B', 'C'])
    const thresholds = m.scale.grades.map((g) => g.minTotal.value)
    expect([...thresholds].sort((a, b) => b - a)).toEqual(thresholds)
  })

  it('gives every veto, cap and indicator a unique id', () => {
    const ids = [
      ...m.vetoes,
      ...m.caps,
      ...m.dimensions,
      ...m.dimensions.flatMap((d) => d.indicators),
      ...m.bonus.indicators,
    ].map((x) => x.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('is frozen: a published version cannot be changed at run time', () => {
    expect(() => {
      ;(m.windows.serious as { value: number }).value = 1
    }).toThrow(TypeError)
  })

  it('still has the content it was published with (a change needs a new version)', () => {
    const key = `${m.id}@${m.version}` as keyof typeof published
    expect(hashOf(m), `${key}: content changed; publish a new version instead`).toBe(published[key])
  })
})

describe('generated methodology document', () => {
  it('docs/methodology.md is up to date (run npm run methodology)', () => {
    expect(readFileSync('docs/methodology.md', 'utf8')).toBe(renderMethodologyDoc(DEFAULT_METHODOLOGY))
  })

  it('shows every indicator and marks provisional numbers', () => {
    const doc = renderMethodologyDoc(DEFAULT_METHODOLOGY)
    for (const i of DEFAULT_METHODOLOGY.dimensions.flatMap((d) => d.indicators))
      expect(doc).toContain(`| ${i.id} |`)
    expect(doc).toContain('106†')
    expect(doc).toContain('不是该标准的条文')
  })
})
