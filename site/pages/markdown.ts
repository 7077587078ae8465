/**
 * Just enough Markdown for the generated methodology document: headings, paragraphs, block quotes,
 * pipe tables, `code`, *emphasis*, [links](https://…) and <br>. Everything else is escaped text.
 */
import { escapeHtml, safeUrl } from './html.js'

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/&lt;br&gt;/g, '<br>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => {
      const href = safeUrl(url.replace(/&amp;/g, '&'))
      return `<a href="${escapeHtml(href)}" rel="noopener">${label}</a>`
    })
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim())

export function markdownToHtml(markdown: string, headingOffset = 0): string {
  const out: string[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heading = /^(#{1,6}) (.*)$/.exec(line)
    if (heading) {
      const level = Math.min(6, (heading[1] as string).length + headingOffset)
      out.push(`<h${level}>${inline(heading[2] as string)}</h${level}>`)
    } else if (line.startsWith('|') && lines[i + 1]?.startsWith('|---')) {
      const head = cells(line)
      i += 1
      const body: string[][] = []
      while (lines[i + 1]?.startsWith('|')) body.push(cells(lines[++i] as string))
      out.push(
        `<div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(head.join(' / '))}"><table><thead><tr>${head.map((h) => `<th scope="col">${inline(h)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></div>`,
      )
    } else if (line.startsWith('>')) {
      const quote: string[] = [line.replace(/^> ?/, '')]
      while (lines[i + 1]?.startsWith('>')) quote.push((lines[++i] as string).replace(/^> ?/, ''))
      out.push(
        `<blockquote>${quote
          .filter((q) => q !== '')
          .map((q) => `<p>${inline(q)}</p>`)
          .join('')}</blockquote>`,
      )
    } else if (line.trim() !== '') {
      const para: string[] = [line]
      while (
        lines[i + 1] &&
        !/^(#|\||>)/.test(lines[i + 1] as string) &&
        (lines[i + 1] as string).trim() !== ''
      )
        para.push(lines[++i] as string)
      out.push(`<p>${para.map(inline).join('<br>')}</p>`)
    }
  }
  return out.join('\n')
}
