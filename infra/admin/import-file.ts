/**
 * `admin import --file F`: every row of the file read and checked here first, then every batch
 * checked by the server (a dry run), and only then sent for real, with progress. A problem anywhere
 * before the real run imports nothing; a failure during it leaves a file that can simply be sent
 * again (row ids come from the rows, so nothing is imported twice).
 */
import { readFileSync } from 'node:fs'
import { MAX_IMPORT_BATCH } from '../../functions/admin/imports.js'
import { type FileRow, formatOf, parseRecordsFile } from '../../shared/records-file/parse.js'
import { progressBar } from '../local/progress.js'
import type { Answer } from './client.js'

type Call = (method: 'GET' | 'POST', path: string, payload?: unknown) => Promise<Answer>
type Out = { log(line: string): void; progress: NodeJS.WriteStream }

export async function importFile(call: Call, file: string, dryRun: boolean, out: Out): Promise<boolean> {
  const format = formatOf(file)
  if (!format) {
    out.log(`${file}: name the file .csv or .jsonl / 文件须为 .csv 或 .jsonl`)
    return false
  }
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    out.log(`Cannot read ${file}: ${(error as Error).message}`)
    return false
  }
  const parsed = parseRecordsFile(text, format)
  if (parsed.problems.length > 0) {
    for (const p of parsed.problems) out.log(`${file}:${p.line}: ${p.message}`)
    out.log(`✗ ${parsed.problems.length} problems; nothing was imported / 文件有误，未导入任何记录`)
    return false
  }
  if (parsed.rows.length === 0) {
    out.log(`${file} holds no records; nothing to import / 文件中没有记录`)
    return false
  }
  const batches: FileRow[][] = []
  for (let i = 0; i < parsed.rows.length; i += MAX_IMPORT_BATCH)
    batches.push(parsed.rows.slice(i, i + MAX_IMPORT_BATCH))

  const send = async (batch: FileRow[], dry: boolean) =>
    call('POST', '/v1/admin/imports', {
      records: batch.map((r) => r.record),
      ...(dry ? { dryRun: true } : {}),
    })

  // The server's checks, for every batch, before anything is written.
  const checking = progressBar('检查 checking ', parsed.rows.length, out.progress)
  let checked = 0
  let present = 0
  const refused: string[] = []
  for (const batch of batches) {
    const answer = await send(batch, true)
    if (answer.status === 422) {
      for (const row of answer.body.rows as { index: number; message: string }[])
        refused.push(`${file}:${batch[row.index]?.line}: ${row.message}`)
    } else if (answer.status !== 200) {
      endLine(out)
      out.log(`✗ ${answer.body.error}: ${answer.body.message}; nothing was imported`)
      return false
    } else present += answer.body.alreadyPresent as number
    checked += batch.length
    checking.update(checked)
  }
  checking.finish()
  if (refused.length > 0) {
    for (const line of refused) out.log(line)
    out.log(`✗ ${refused.length} rows refused; nothing was imported / 有记录被拒绝，未导入任何记录`)
    return false
  }
  if (dryRun) {
    out.log(
      `✓ all ${parsed.rows.length} rows can be imported (${present} already present); dry run, nothing sent`,
    )
    return true
  }

  const importing = progressBar('导入 importing', parsed.rows.length, out.progress)
  let done = 0
  let imported = 0
  present = 0
  for (const batch of batches) {
    const answer = await send(batch, false)
    if (answer.status !== 200 && answer.status !== 201) {
      endLine(out)
      const line = batch[(answer.body.rows as { index: number }[] | undefined)?.[0]?.index ?? 0]?.line
      out.log(`✗ ${answer.body.error}: ${answer.body.message} (batch from line ${line})`)
      out.log(
        `${imported} records were imported before it. Run the same command again to finish; nothing will be imported twice.`,
      )
      return false
    }
    imported += answer.body.imported as number
    present += answer.body.alreadyPresent as number
    done += batch.length
    importing.update(done)
  }
  importing.finish()
  out.log(
    `✓ imported ${imported} records, ${present} already present; they wait for a checker's approval / 已导入，待复核`,
  )
  return true
}

/** Ends a progress line cut short, without claiming it finished. */
function endLine(out: Out) {
  if (out.progress.isTTY) out.progress.write('\n')
}
