/**
 * The CSV form of the open data: one agency a line, flat columns, UTF-8 with a byte-order mark so
 * that Excel reads Chinese correctly (RFC 4180 quoting, CRLF line ends). Pure.
 */
import type { ExportRow } from './row.js'

export const CSV_BOM = '\ufeff'

export const CSV_COLUMNS = [
  'uscc',
  'name',
  'region',
  'region_name',
  'sector',
  'service_types',
  'status',
  'founded_on',
  'grade',
  'not_rated',
  'score_total',
  'score_base',
  'score_bonus',
  'as_of',
  'valid_until',
  'methodology',
  'content_hash',
  'vetoes',
  'records_counted',
  'licence_numbers',
  'demo',
] as const

/**
 * A field quoted when it must be; line breaks become spaces (a line is a row); a leading =, +, - or
 * @ is prefixed with ' so that spreadsheets never run it as a formula.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return ''
  let text = String(value).replace(/[\r\n]+/g, ' ')
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

const points = (tenths: number | undefined) => (tenths === undefined ? null : (tenths / 10).toFixed(1))

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`
}

export function csvLine(row: ExportRow): string {
  const r = row.rating
  const cells: (string | number | boolean | null)[] = [
    row.uscc,
    row.name,
    row.region,
    row.regionName,
    row.sector,
    row.serviceTypes.join(';'),
    row.status,
    row.foundedOn,
    r?.grade ?? 'NR',
    r?.notRated ?? null,
    points(r?.score?.total),
    points(r?.score?.base),
    points(r?.score?.bonus),
    r?.asOf ?? null,
    r?.validUntil ?? null,
    r ? `${r.methodology.id}@${r.methodology.version}` : null,
    r?.contentHash ?? null,
    r ? r.vetoes.join(';') : null,
    row.records.length,
    row.permits.map((p) => p.number).join(';'),
    row.demo,
  ]
  return `${cells.map(csvField).join(',')}\r\n`
}
