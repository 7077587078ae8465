/**
 * Charts as SVG written on the server: no script, no inline style (colours come from the
 * stylesheet by class). Each chart either carries its data in its accessible name or sits beside a
 * table that does.
 */
import { GRADES, type Grade } from '../../shared/agency/vocabulary.js'
import { type Html, html } from './html.js'

const gradeClass = (g: Grade) => (g === 'A+' ? 'ap' : g.toLowerCase())

/** A bar of `value` out of `max`, decorative (the number is written beside it). */
export function bar(value: number, max: number): Html {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0
  return html`<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="6"/><rect class="fill" width="${width.toFixed(2)}" height="6"/></svg>`
}

/** A stacked bar of grade counts, decorative (a table beside it gives the numbers). */
export function stackedBar(counts: Record<Grade, number>): Html {
  const total = GRADES.reduce((n, g) => n + counts[g], 0)
  let x = 0
  const parts = GRADES.map((g) => {
    const w = total > 0 ? (counts[g] / total) * 100 : 0
    const rect = html`<rect class="g-${gradeClass(g)}" x="${x.toFixed(2)}" width="${w.toFixed(2)}" height="10"/>`
    x += w
    return rect
  })
  return html`<svg class="stack" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${parts}</svg>`
}

/** Vertical bars of grade counts with the numbers on them; `label` is its accessible name. */
export function gradeColumns(counts: Record<Grade, number>, label: string): Html {
  const max = Math.max(1, ...GRADES.map((g) => counts[g]))
  const cols = GRADES.map((g, i) => {
    const h = (counts[g] / max) * 100
    const x = i * 50 + 10
    return html`<g><rect class="g-${gradeClass(g)}" x="${x}" y="${(120 - h).toFixed(1)}" width="30" height="${h.toFixed(1)}"/><text x="${x + 15}" y="${(114 - h).toFixed(1)}" text-anchor="middle">${counts[g]}</text><text x="${x + 15}" y="136" text-anchor="middle">${g}</text></g>`
  })
  return html`<svg class="columns" viewBox="0 0 300 140" role="img" aria-label="${label}"><title>${label}</title>${cols}</svg>`
}

export type HistoryPoint = { date: string; grade: Grade; score: number | null }

/** Score over time as steps, oldest left; `label` is its accessible name. */
export function historyChart(points: readonly HistoryPoint[], label: string): Html {
  const scored = points
    .filter((p) => p.score !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  if (scored.length < 2) return html``
  const days = scored.map((p) => Date.parse(p.date))
  const [first, last] = [Math.min(...days), Math.max(...days)]
  const span = Math.max(1, last - first)
  const x = (d: number) => 10 + ((d - first) / span) * 280
  const y = (s: number) => 110 - (Math.max(0, Math.min(1200, s)) / 1200) * 100
  let path = ''
  scored.forEach((p, i) => {
    const px = x(days[i] as number)
    const py = y(p.score as number)
    path += i === 0 ? `M${px.toFixed(1)},${py.toFixed(1)}` : `H${px.toFixed(1)}V${py.toFixed(1)}`
  })
  const dots = scored.map(
    (p, i) =>
      html`<circle class="g-${gradeClass(p.grade)}" cx="${x(days[i] as number).toFixed(1)}" cy="${y(p.score as number).toFixed(1)}" r="3"/>`,
  )
  return html`<svg class="history" viewBox="0 0 300 125" role="img" aria-label="${label}"><title>${label}</title><line class="axis" x1="10" y1="110" x2="290" y2="110"/><path class="line" d="${path}"/>${dots}<text x="10" y="123">${scored[0]?.date ?? ''}</text><text x="290" y="123" text-anchor="end">${scored.at(-1)?.date ?? ''}</text></svg>`
}
