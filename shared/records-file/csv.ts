/**
 * RFC 4180 CSV reading for officers' import files: quoted fields may hold commas, quotes ("") and
 * line breaks; lines end in LF or CRLF; a leading BOM is dropped. Each row says on which line of
 * the file it starts, so errors point at what the officer sees in an editor.
 */

export type CsvRow = { line: number; cells: string[] }
export type CsvResult = { rows: CsvRow[] } | { error: { line: number; message: string } }

export function parseCsv(text: string): CsvResult {
  const rows: CsvRow[] = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  while (i < text.length) {
    const start = line
    const cells: string[] = []
    for (;;) {
      let cell = ''
      if (text[i] === '"') {
        i++
        for (;;) {
          if (i >= text.length) return { error: { line: start, message: 'a quoted field is never closed' } }
          const ch = text[i] as string
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"'
              i += 2
              continue
            }
            i++
            break
          }
          if (ch === '\n') line++
          cell += ch
          i++
        }
        const next = text[i]
        if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && text[i + 1] === '\n'))
          return {
            error: { line, message: 'text after a closing quote; double a quote inside a quoted field ("")' },
          }
      } else {
        while (
          i < text.length &&
          text[i] !== ',' &&
          text[i] !== '\n' &&
          !(text[i] === '\r' && text[i + 1] === '\n')
        ) {
          if (text[i] === '"')
            return { error: { line, message: 'a quote inside an unquoted field; quote the whole field' } }
          cell += text[i]
          i++
        }
      }
      cells.push(cell)
      if (text[i] === ',') {
        i++
        continue
      }
      break
    }
    if (text[i] === '\r') i++
    if (text[i] === '\n') {
      i++
      line++
    }
    // Blank lines (a trailing newline, spacing) are no rows.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells })
  }
  return { rows }
}
