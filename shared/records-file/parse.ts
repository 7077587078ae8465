/**
 * Officers' bulk import files (`npm run admin -- import --file records.csv|jsonl`): every row is read
 * and validated before anything is sent, and every problem is reported with its line number. A row
 * without an id gets one derived from its content, so importing the same file again (after a
 * failure half-way) never makes a second record.
 */
import { createHash } from 'node:crypto'
import { RecordSubmission } from '../agency/record-submission.js'
import { canonicalJson } from '../canonical/json.js'
import { issueLine } from '../validation.js'
import { parseCsv } from './csv.js'

export type FileFormat = 'csv' | 'jsonl'
export type FileProblem = { line: number; message: string }
export type FileRow = { line: number; record: RecordSubmission }
export type ParsedFile = { rows: FileRow[]; problems: FileProblem[] }

export const MAX_ROWS = 20_000

/** The CSV header, in this order; the template officers fill in. */
export const CSV_IMPORT_COLUMNS = [
  'uscc',
  'id',
  'occurredOn',
  'kind',
  'severity',
  'outcome',
  'violation',
  'year',
  'fineYuan',
  'titleZh',
  'titleEn',
  'authority',
  'documentNo',
  'sourceName',
  'sourceUrl',
] as const
type Column = (typeof CSV_IMPORT_COLUMNS)[number]
const REQUIRED: readonly Column[] = [
  'uscc',
  'occurredOn',
  'kind',
  'titleZh',
  'titleEn',
  'authority',
  'sourceName',
]

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID-shaped id from a record's content: the same record always gets the same id. */
export function contentRecordId(record: Omit<RecordSubmission, 'id'>): string {
  const digest = createHash('sha256').update(canonicalJson(record)).digest()
  let id = '0'
  for (let i = 0; i < 25; i++) id += CROCKFORD[(digest[i] as number) & 31]
  return id
}

export function formatOf(fileName: string): FileFormat | undefined {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  return undefined
}

export function parseRecordsFile(text: string, format: FileFormat): ParsedFile {
  const raw = format === 'csv' ? csvObjects(text) : jsonlObjects(text)
  const problems = [...raw.problems]
  const rows: FileRow[] = []
  if (raw.objects.length > MAX_ROWS)
    return { rows: [], problems: [{ line: 1, message: `at most ${MAX_ROWS} records per file; split it` }] }
  const seen = new Map<string, number>()
  for (const { line, value } of raw.objects) {
    const withId =
      value && typeof value === 'object' && !Array.isArray(value) && !('id' in value)
        ? { ...value, id: contentRecordId(value as Omit<RecordSubmission, 'id'>) }
        : value
    const parsed = RecordSubmission.safeParse(withId)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line, message: issueLine(issue, 'row').slice(0, 300) })
      continue
    }
    const key = `${parsed.data.uscc}/${parsed.data.id}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ line, message: `the same record as line ${earlier} (id ${parsed.data.id})` })
      continue
    }
    seen.set(key, line)
    rows.push({ line, record: parsed.data })
  }
  problems.sort((a, b) => a.line - b.line)
  return { rows: problems.length > 0 ? [] : rows, problems }
}

type RawObjects = { objects: { line: number; value: unknown }[]; problems: FileProblem[] }

function jsonlObjects(text: string): RawObjects {
  const objects: RawObjects['objects'] = []
  const problems: FileProblem[] = []
  const lines = text.replace(/^\ufeff/, '').split('\n')
  lines.forEach((content, index) => {
    const trimmed = content.trim()
    if (trimmed === '') return
    try {
      objects.push({ line: index + 1, value: JSON.parse(trimmed) })
    } catch {
      problems.push({ line: index + 1, message: 'not a JSON object on one line' })
    }
  })
  return { objects, problems }
}

function csvObjects(text: string): RawObjects {
  const parsed = parseCsv(text)
  if ('error' in parsed) return { objects: [], problems: [parsed.error] }
  const [header, ...rows] = parsed.rows
  if (!header) return { objects: [], problems: [{ line: 1, message: 'the file is empty' }] }
  const columns = header.cells.map((c) => c.trim())
  const unknown = columns.filter((c) => !(CSV_IMPORT_COLUMNS as readonly string[]).includes(c))
  const missing = REQUIRED.filter((c) => !columns.includes(c))
  const doubled = columns.filter((c, i) => columns.indexOf(c) !== i)
  const headerProblems = [
    ...(unknown.length ? [`unknown columns: ${unknown.join(', ')}`] : []),
    ...(missing.length ? [`missing columns: ${missing.join(', ')}`] : []),
    ...(doubled.length ? [`columns named twice: ${doubled.join(', ')}`] : []),
  ]
  if (headerProblems.length)
    return {
      objects: [],
      problems: [
        {
          line: header.line,
          message: `${headerProblems.join('; ')} (expected ${CSV_IMPORT_COLUMNS.join(',')})`,
        },
      ],
    }
  const objects: RawObjects['objects'] = []
  const problems: FileProblem[] = []
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      problems.push({
        line: row.line,
        message: `${row.cells.length} fields; the header has ${columns.length}`,
      })
      continue
    }
    const cell = new Map(columns.map((c, i) => [c as Column, (row.cells[i] as string).trim()]))
    objects.push({ line: row.line, value: csvRecord(cell) })
  }
  return { objects, problems }
}

/** A CSV row as a submission: empty cells are absent; numbers are numbers only when they look like one. */
function csvRecord(cell: Map<Column, string>): Record<string, unknown> {
  const value = (c: Column) => cell.get(c) || undefined
  const number = (c: Column) => {
    const v = value(c)
    return v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v
  }
  const sourceUrl = value('sourceUrl')
  const entries: [string, unknown][] = [
    ['uscc', value('uscc')],
    ['id', value('id')],
    ['occurredOn', value('occurredOn')],
    ['kind', value('kind')],
    ['severity', value('severity')],
    ['outcome', value('outcome')],
    ['violation', value('violation')],
    ['year', number('year')],
    ['fineYuan', number('fineYuan')],
    ['title', { zh: value('titleZh'), en: value('titleEn') }],
    ['authority', value('authority')],
    ['documentNo', value('documentNo')],
    ['source', { name: value('sourceName'), ...(sourceUrl ? { url: sourceUrl } : {}) }],
  ]
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined))
}
