/**
 * The officers' tool (`npm run -s admin -- <command>`, infra/admin/main.ts). Keys are made and kept
 * on this machine; every other command is a signed request to the admin API (the running
 * `npm start`, or --api). Runs in-process so tests drive it as officers would.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { OFFICER_ID } from '../../shared/agency/vocabulary.js'
import { nextAuditEvent, REGISTRY_CHAIN } from '../../shared/audit/chain.js'
import { requireUscc } from '../../shared/identity/uscc.js'
import { contentRecordId } from '../../shared/records-file/parse.js'
import { ensureTable } from '../../shared/store/ensure-table.js'
import { withLocalDatabase } from '../local/local-database.js'
import { readRunning } from '../local/local-state.js'
import { type Answer, adminClient } from './client.js'
import { importFile } from './import-file.js'
import { keygen, officerKeyFile, publicOf, readOfficerKey, readPublicJwk } from './keys.js'

export const USAGE = `Usage: npm run -s admin -- <command> [options]

  keygen --officer ID                  make an officer's key pair (private key stays in .data/officers/)
  officer add --as ADMIN --officer ID --name NAME --roles maker,checker --authority DEPT --region CODE
              --jwk PUBLIC-KEY.json [--certificate leaf.pem --certificate ca.pem]
                                       (--jwk: what the officer's keygen printed, a file or the JSON)
  officer add --bootstrap --officer ID --name NAME --authority DEPT [--region CODE]
                                       the first admin of a local registry (no API, no signature)
  officer revoke --as ADMIN --officer ID [--kid KID]   one key, or every key of the officer
  whoami --as ID
  record submit --as ID --file record.json
  record approve --as ID USCC/DATE/RECORD-ID
  record reject --as ID USCC/DATE/RECORD-ID --reason TEXT
  record repair --as ID USCC/DATE/RECORD-ID --document-no NO --decided-on YYYY-MM-DD
  record withdraw --as ID USCC/DATE/RECORD-ID --reason TEXT
  pending --as ID                      records waiting for approval in your region
  objections --as ID                   objections waiting for an answer in your region
  objection accept --as ID USCC/OBJECTION-ID
  objection uphold|dismiss --as ID USCC/OBJECTION-ID --reason-zh TEXT --reason-en TEXT
  import --as ID --file records.csv|records.jsonl [--dry-run]

  --as ID     the officer who signs (key from .data/officers/ID.key.json, or --key FILE)
  --api URL   the admin API (default: the running npm start, or CHENGXIN_API)
  --json      print the server's answers as JSON`

const OPTIONS = {
  as: { type: 'string' },
  key: { type: 'string' },
  officer: { type: 'string' },
  name: { type: 'string' },
  jwk: { type: 'string' },
  roles: { type: 'string' },
  authority: { type: 'string' },
  region: { type: 'string' },
  kid: { type: 'string' },
  file: { type: 'string' },
  reason: { type: 'string' },
  'reason-zh': { type: 'string' },
  'reason-en': { type: 'string' },
  'document-no': { type: 'string' },
  'decided-on': { type: 'string' },
  certificate: { type: 'string', multiple: true },
  api: { type: 'string' },
  bootstrap: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

function need<K extends keyof Values>(values: Values, name: K): NonNullable<Values[K]> {
  const value = values[name]
  if (value === undefined || value === '')
    throw new UsageError(`--${String(name)} is required here\n\n${USAGE}`)
  return value as NonNullable<Values[K]>
}

function target(raw: string | undefined, parts: number, shape: string): string {
  const segments = raw?.split('/') ?? []
  if (segments.length !== parts || segments.some((s) => !/^[0-9A-Za-z-]{1,64}$/.test(s)))
    throw new UsageError(`Name the ${shape}\n\n${USAGE}`)
  requireUscc(segments[0] as string)
  return segments.map(encodeURIComponent).join('/')
}

/** A command that cannot run as given; the message says why. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export type AdminIo = {
  dataDir: string
  env: Record<string, string | undefined>
  log(line: string): void
  error(line: string): void
  progress: NodeJS.WriteStream
}

/** Runs one command; resolves to the exit status. */
export async function runAdmin(args: readonly string[], io: AdminIo): Promise<number> {
  let exitCode = 0
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseArgs({
      args: args.filter((a) => a !== '--'),
      options: OPTIONS,
      allowPositionals: true,
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`)
  }
  const { values, positionals } = parsed
  const [command, sub, subject, ...extra] = positionals
  const dataDir = io.dataDir
  const show = (answer: Answer, ok: (body: Record<string, unknown>) => string) => {
    if (values.json) io.log(JSON.stringify(answer.body, null, 2))
    else if (answer.status < 300) io.log(ok(answer.body))
    if (answer.status >= 300) {
      if (!values.json) io.error(`✗ ${answer.status} ${answer.body.error}: ${answer.body.message}`)
      exitCode = 1
    }
  }
  const client = () => {
    const keyFile = values.key ?? officerKeyFile(dataDir, need(values, 'as'))
    const api = values.api ?? io.env.CHENGXIN_API ?? readRunning(dataDir)?.url
    if (!api)
      throw new UsageError('No admin API to talk to: start Chengxin with `npm start`, or pass --api URL.')
    return adminClient(api, readOfficerKey(keyFile))
  }
  const noExtra = (...rest: (string | undefined)[]) => {
    if (rest.some((r) => r !== undefined) || extra.length > 0)
      throw new UsageError(`Too many arguments\n\n${USAGE}`)
  }

  if (command === 'keygen') {
    noExtra(sub, subject)
    const officerId = need(values, 'officer')
    if (!OFFICER_ID.test(officerId))
      throw new UsageError('--officer: lower-case letters, digits and dashes, 2 to 41 characters')
    const made = await keygen(dataDir, officerId)
    io.log(`✓ key ${made.kid} for ${officerId}; private key in ${made.file} (keep it there)`)
    io.log('Public key for your admin to register:')
    io.log(JSON.stringify(made.publicJwk))
    return exitCode
  }
  if (command === 'officer' && sub === 'add' && values.bootstrap) {
    noExtra(subject)
    await bootstrapAdmin(
      io,
      need(values, 'officer'),
      need(values, 'name'),
      need(values, 'authority'),
      values.region ?? '',
    )
    return exitCode
  }
  if (command === 'officer' && sub === 'add') {
    noExtra(subject)
    const officerId = need(values, 'officer')
    // The officer's public key as keygen printed it (their private key never leaves their machine);
    // on one machine (a local demo) it can come from their key file.
    const jwk = values.jwk
      ? readPublicJwk(values.jwk)
      : publicOf(readOfficerKey(officerKeyFile(dataDir, officerId)).privateJwk)
    const certificates = (values.certificate ?? []).map((f) => readFileSync(f, 'utf8'))
    const answer = await client()('POST', '/v1/admin/officers', {
      officerId,
      name: need(values, 'name'),
      jwk,
      roles: need(values, 'roles').split(','),
      authority: need(values, 'authority'),
      regionScope: values.region ?? '',
      ...(certificates.length ? { certificates } : {}),
    })
    show(
      answer,
      (b) =>
        `✓ registered ${b.officerId} key ${b.kid} (${(b.roles as string[]).join(', ')}; region ${b.regionScope || 'all'})`,
    )
    return exitCode
  }
  if (command === 'officer' && sub === 'revoke') {
    noExtra(subject)
    const officer = encodeURIComponent(need(values, 'officer'))
    if (values.kid) {
      const path = `/v1/admin/officers/${officer}/keys/${encodeURIComponent(values.kid)}/revoke`
      show(await client()('POST', path, {}), (b) => `✓ key ${b.kid} of ${b.officerId} revoked`)
    } else
      show(
        await client()('POST', `/v1/admin/officers/${officer}/revoke`, {}),
        (b) =>
          `✓ ${b.officerId}: ${(b.revoked as string[]).length} keys revoked; they sign nothing from now on`,
      )
    return exitCode
  }
  if (command === 'whoami') {
    noExtra(sub, subject)
    show(
      await client()('GET', '/v1/admin/whoami'),
      (b) =>
        `${b.officerId} (${(b.roles as string[]).join(', ')}; region ${b.regionScope || 'all'}; ${b.authority})`,
    )
    return exitCode
  }
  if (command === 'record' && sub === 'submit') {
    noExtra(subject)
    const file = need(values, 'file')
    let record: unknown
    try {
      record = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new UsageError(`Cannot read ${file} as JSON: ${(error as Error).message}`)
    }
    // Without an id, one derived from the record, as for imports: submitting the file again
    // (after a lost answer) finds the same record instead of making a second one.
    if (record && typeof record === 'object' && !Array.isArray(record) && !('id' in record))
      record = { ...record, id: contentRecordId(record as Parameters<typeof contentRecordId>[0]) }
    show(await client()('POST', '/v1/admin/records', record), (b) => {
      const r = b.record as { uscc: string; occurredOn: string; id: string }
      return `✓ ${b.duplicate ? 'already submitted' : 'submitted'}: ${r.uscc}/${r.occurredOn}/${r.id}, waiting for a checker / 待复核`
    })
    return exitCode
  }
  if (
    command === 'record' &&
    (sub === 'approve' || sub === 'reject' || sub === 'repair' || sub === 'withdraw')
  ) {
    noExtra()
    const path = `/v1/admin/records/${target(subject, 3, 'record as USCC/DATE/RECORD-ID')}/${sub}`
    const body =
      sub === 'approve'
        ? {}
        : sub === 'repair'
          ? { documentNo: need(values, 'document-no'), decidedOn: need(values, 'decided-on') }
          : { reason: need(values, 'reason') }
    show(await client()('POST', path, body), (b) => `✓ record ${(b.record as { status: string }).status}`)
    return exitCode
  }
  if (command === 'pending') {
    noExtra(sub, subject)
    show(await client()('GET', '/v1/admin/pending'), (b) => {
      const items = b.items as {
        uscc: string
        occurredOn: string
        id: string
        title: { zh: string }
        submitted: { officerId: string }
      }[]
      if (items.length === 0) return 'No records wait for approval / 没有待复核的记录'
      return items
        .map((r) => `${r.uscc}/${r.occurredOn}/${r.id}  ${r.title.zh}  (by ${r.submitted.officerId})`)
        .join('\n')
    })
    return exitCode
  }
  if (command === 'objections') {
    noExtra(sub, subject)
    show(await client()('GET', '/v1/admin/objections'), (b) => {
      const items = b.items as {
        uscc: string
        id: string
        recordId: string
        status: string
        answerBy: string
        overdue: boolean
        statement: string
      }[]
      if (items.length === 0) return 'No objections wait for an answer / 没有待处理的异议'
      return items
        .map(
          (o) =>
            `${o.uscc}/${o.id}  ${o.status}  answer by ${o.answerBy}${o.overdue ? ' (OVERDUE 已超期)' : ''}  record ${o.recordId}\n    ${o.statement.replace(/\s+/g, ' ').slice(0, 200)}`,
        )
        .join('\n')
    })
    return exitCode
  }
  if (command === 'objection' && (sub === 'accept' || sub === 'uphold' || sub === 'dismiss')) {
    noExtra()
    const path = `/v1/admin/objections/${target(subject, 2, 'objection as USCC/OBJECTION-ID')}/${sub}`
    const body =
      sub === 'accept' ? {} : { reason: { zh: need(values, 'reason-zh'), en: need(values, 'reason-en') } }
    show(
      await client()('POST', path, body),
      (b) => `✓ objection ${(b.objection as { status: string }).status}`,
    )
    return exitCode
  }
  if (command === 'import') {
    noExtra(sub, subject)
    const ok = await importFile(client(), need(values, 'file'), values['dry-run'] ?? false, {
      log: io.log,
      progress: io.progress,
    })
    return ok ? 0 : 1
  }
  throw new UsageError(USAGE)
}

/**
 * The first admin of a local registry, written straight into the local database (there is no one
 * yet to sign for them), audited as `system:bootstrap`. Refused once the registry has any history.
 */
async function bootstrapAdmin(
  io: AdminIo,
  officerId: string,
  name: string,
  authority: string,
  regionScope: string,
) {
  if (!/^(\d{2}){0,3}$/.test(regionScope))
    throw new UsageError('--region: empty, or 2, 4 or 6 digits of a GB/T 2260 code')
  const key = readOfficerKey(officerKeyFile(io.dataDir, officerId))
  await withLocalDatabase(async ({ client, local, store, tableName }) => {
    if (local) await ensureTable(client, tableName)
    if (await store.lastAuditConsistent(REGISTRY_CHAIN))
      throw new UsageError(
        'This registry already has officers; an admin registers new ones with `officer add --as ADMIN`.',
      )
    const at = new Date().toISOString()
    const jwk = publicOf(key.privateJwk)
    await store.changeOfficerKey({
      key: {
        officerId,
        kid: key.kid,
        jwk,
        name,
        roles: ['admin'],
        authority,
        regionScope,
        status: 'active',
        createdAt: at,
      },
      expects: 'new',
      audit: nextAuditEvent(undefined, {
        uscc: REGISTRY_CHAIN,
        at,
        actor: 'system:bootstrap',
        action: 'officer.key_added',
        subject: `OFFICER#${officerId}#${key.kid}`,
        detail: { name, roles: ['admin'], regionScope, authority, jwk },
      }),
    })
    io.log(
      `✓ ${officerId} is the first admin (region ${regionScope || 'all'}); register others with \`officer add --as ${officerId}\``,
    )
  }, io.dataDir)
}
