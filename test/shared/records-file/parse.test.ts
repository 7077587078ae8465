/** Officers' import files: every row read and checked first, each problem with its line. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../shared/records-file/csv.js'
import { CSV_IMPORT_COLUMNS, parseRecordsFile } from '../../../shared/records-file/parse.js'
import { USCC_A } from '../../fixtures/builders.js'

const HEADER = CSV_IMPORT_COLUMNS.join(',')
const row = (over: Partial<Record<(typeof CSV_IMPORT_COLUMNS)[number], string>> = {}) => {
  const cells: Record<string, string> = {
    uscc: USCC_A,
    id: '',
    occurredOn: '2026-11-02',
    kind: 'penalty',
    severity: 'general',
    outcome: '',
    violation: 'false_information',
    year: '',
    fineYuan: '5000',
    titleZh: '发布虚假招聘信息，罚款 5,000 元',
    titleEn: 'False job posting, fined ¥5,000',
    authority: '广州市人力资源和社会保障局',
    documentNo: '穗人社罚〔2026〕12号',
    sourceName: '信用广州',
    sourceUrl: 'https://credit.gz.gov.cn/x',
    ...over,
  }
  return CSV_IMPORT_COLUMNS.map((c) => {
    const v = cells[c] ?? ''
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
  }).join(',')
}

describe('import files', () => {
  it('reads a good CSV into records, with content ids that stay the same on a second read', () => {
    const text = `\ufeff${HEADER}\r\n${row()}\r\n${row({ occurredOn: '2026-10-01', titleZh: '多行\n标题' })}\r\n`
    const first = parseRecordsFile(text, 'csv')
    expect(first.problems).toEqual([])
    expect(first.rows.map((r) => r.line)).toEqual([2, 3])
    expect(first.rows[0]?.record).toMatchObject({
      uscc: USCC_A,
      fineYuan: 5000,
      title: { zh: '发布虚假招聘信息，罚款 5,000 元' },
    })
    expect(first.rows[1]?.record.title.zh).toBe('多行\n标题')
    expect(parseRecordsFile(text, 'csv').rows.map((r) => r.record.id)).toEqual(
      first.rows.map((r) => r.record.id),
    )
    expect(new Set(first.rows.map((r) => r.record.id)).size).toBe(2)
  })

  it('reports every bad row by its line and returns no rows at all', () => {
    const text = [
      HEADER,
      row(),
      row({ uscc: '91440101MA5TEQT04X' }),
      row({ occurredOn: '2026-02-30', kind: 'gossip' }),
      row({ titleZh: '"引号"', fineYuan: '-3' }),
      row(),
      'too,few',
    ].join('\n')
    const parsed = parseRecordsFile(text, 'csv')
    expect(parsed.rows).toEqual([])
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4, 4, 5, 6, 7])
    expect(parsed.problems.find((p) => p.line === 3)?.message).toMatch(/^uscc: /)
    expect(parsed.problems.filter((p) => p.line === 4).map((p) => p.message.split(':')[0])).toEqual([
      'occurredOn',
      'kind',
    ])
    expect(parsed.problems.find((p) => p.line === 6)?.message).toBe(
      `the same record as line 2 (id ${parseRecordsFile([HEADER, row()].join('\n'), 'csv').rows[0]?.record.id})`,
    )
    expect(parsed.problems.find((p) => p.line === 7)?.message).toBe('2 fields; the header has 15')
  })

  it('names unknown and missing columns on line 1', () => {
    expect(parseRecordsFile('uscc,when,kind\n', 'csv').problems).toEqual([
      {
        line: 1,
        message: expect.stringMatching(/^unknown columns: when; missing columns: occurredOn, titleZh/),
      },
    ])
  })

  it('reads JSON lines, each line its own record, and refuses unknown fields', () => {
    const good = {
      uscc: USCC_A,
      occurredOn: '2026-11-02',
      kind: 'complaint',
      outcome: 'upheld',
      severity: 'minor',
      title: { zh: '投诉属实', en: 'Complaint upheld' },
      authority: '广州市人社局',
      source: { name: '12333' },
    }
    const text = [JSON.stringify(good), '', '{not json', JSON.stringify({ ...good, __proto__x: 1 })].join(
      '\n',
    )
    const parsed = parseRecordsFile(text, 'jsonl')
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4])
    expect(parsed.problems[1]?.message).toMatch(/__proto__x/)
    expect(parseRecordsFile(JSON.stringify(good), 'jsonl')).toMatchObject({
      problems: [],
      rows: [{ line: 1 }],
    })
  })

  it('never throws, and every problem points at a line of the file (property)', () => {
    const lineCount = (t: string) => t.split('\n').length
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.array(fc.string({ maxLength: 80 })).map((a) => [HEADER, ...a].join('\n')),
        ),
        fc.constantFrom('csv' as const, 'jsonl' as const),
        (text, format) => {
          const parsed = parseRecordsFile(text, format)
          expect(parsed.rows.length === 0 || parsed.problems.length === 0).toBe(true)
          for (const p of parsed.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.line).toBeLessThanOrEqual(lineCount(text))
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('CSV cells survive quoting with commas, quotes and line breaks, rows keep their first line (property)', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/\r/g, ''))
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const quote = (v: string) => `"${v.replace(/"/g, '""')}"`
          const text = rows.map((r) => r.map(quote).join(',')).join('\r\n')
          const parsed = parseCsv(text)
          expect('rows' in parsed && parsed.rows.map((r) => r.cells)).toEqual(rows)
          let line = 1
          const starts = rows.map((r) => {
            const at = line
            line += r.join('').split('\n').length - 1 + 1
            return at
          })
          expect('rows' in parsed && parsed.rows.map((r) => r.line)).toEqual(starts)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses a row the rating engine could not rate, with the engine’s reason', () => {
    const parsed = parseRecordsFile(
      [
        HEADER,
        row({ severity: '' }),
        row({ kind: 'honour', outcome: 'national', severity: 'minor', violation: '', fineYuan: '' }),
      ].join('\n'),
      'csv',
    )
    expect(parsed.problems).toEqual([
      { line: 2, message: 'severity: A negative record needs a severity' },
      { line: 3, message: 'severity: Only negative records have a severity' },
    ])
  })
})
