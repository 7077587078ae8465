/**
 * The officers' CLI as officers use it, in-process against the admin API served over HTTP on
 * loopback, on DynamoDB Local: keys made locally, the first admin bootstrapped, officers
 * registered, a file imported (refused whole when a row is bad), the queue read, a record approved.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAdminApp } from '../../../functions/admin/app.js'
import { verifyAuditChain } from '../../../functions/admin/audit-verify.js'
import { type AdminIo, runAdmin, UsageError } from '../../../infra/admin/commands.js'
import { REGISTRY_CHAIN } from '../../../shared/audit/chain.js'
import { CSV_IMPORT_COLUMNS } from '../../../shared/records-file/parse.js'
import { anAgency, USCC_A, USCC_B } from '../../fixtures/builders.js'
import { useTable } from '../../fixtures/db.js'
import { serveOnLoopback } from '../../fixtures/serve.js'

const db = useTable()
let dataDir: string
let server: Awaited<ReturnType<typeof serveOnLoopback>>

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'chengxin-admin-'))
  await db.current.store.putAgency(anAgency({ uscc: USCC_A, region: '440106' }))
  await db.current.store.putAgency(anAgency({ uscc: USCC_B, region: '330106' }))
  server = await serveOnLoopback(createAdminApp({ store: db.current.store, now: () => new Date() }))
  // As `npm start` announces itself: the CLI finds the API and the database here.
  writeFileSync(
    join(dataDir, 'runner.json'),
    JSON.stringify({
      pid: process.pid,
      startedAt: new Date().toISOString(),
      url: server.url,
      dynamodbEndpoint: db.current.endpoint,
      tableName: db.current.tableName,
    }),
  )
})
afterAll(async () => {
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function admin(...args: string[]) {
  const lines: string[] = []
  const io: AdminIo = {
    dataDir,
    env: {},
    log: (line) => lines.push(line),
    error: (line) => lines.push(line),
    progress: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
  }
  const status = await runAdmin(args, io)
  return { status, out: lines.join('\n') }
}

const csvRow = (cells: Record<string, string>) => CSV_IMPORT_COLUMNS.map((c) => cells[c] ?? '').join(',')
const good = (day: number, uscc = USCC_A) =>
  csvRow({
    uscc,
    occurredOn: `2026-11-${String(day).padStart(2, '0')}`,
    kind: 'complaint',
    outcome: 'upheld',
    titleZh: `投诉属实 ${day}`,
    titleEn: `Complaint upheld ${day}`,
    authority: '广州市人力资源和社会保障局',
    sourceName: '12333',
  })

describe('npm run admin', () => {
  it('makes keys locally, bootstraps the first admin once, and registers officers through the API', async () => {
    for (const id of ['gd-admin', 'gz-maker', 'gz-checker'])
      expect((await admin('keygen', '--officer', id)).status).toBe(0)
    const keyFile = join(dataDir, 'officers', 'gd-admin.key.json')
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(keyFile, 'utf8')).privateJwk.d).toBeTypeOf('string')
    await expect(admin('keygen', '--officer', 'gd-admin')).rejects.toThrow(/never overwritten/)

    expect(
      await admin(
        'officer',
        'add',
        '--bootstrap',
        '--officer',
        'gd-admin',
        '--authority',
        '广东省人社厅',
        '--region',
        '44',
      ),
    ).toMatchObject({
      status: 0,
      out: expect.stringContaining('first admin'),
    })
    await expect(
      admin('officer', 'add', '--bootstrap', '--officer', 'gz-maker', '--authority', 'x'),
    ).rejects.toThrow(/already has officers/)

    expect(
      await admin(
        'officer',
        'add',
        '--as',
        'gd-admin',
        '--officer',
        'gz-maker',
        '--roles',
        'maker',
        '--authority',
        '广州市人社局',
        '--region',
        '4401',
      ),
    ).toMatchObject({ status: 0 })
    expect(
      await admin(
        'officer',
        'add',
        '--as',
        'gd-admin',
        '--officer',
        'gz-checker',
        '--roles',
        'checker',
        '--authority',
        '广州市人社局',
        '--region',
        '4401',
      ),
    ).toMatchObject({ status: 0 })
    // A maker cannot register anyone: the server's refusal is shown and the status is 1.
    expect(
      await admin(
        'officer',
        'add',
        '--as',
        'gz-maker',
        '--officer',
        'gz-checker',
        '--roles',
        'admin',
        '--authority',
        'x',
        '--region',
        '4401',
      ),
    ).toMatchObject({
      status: 1,
      out: expect.stringContaining('forbidden_role'),
    })
    expect(await admin('whoami', '--as', 'gz-maker')).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^gz-maker \(maker; region 4401/),
    })
    expect((await db.current.store.listAudit(REGISTRY_CHAIN)).map((e) => e.actor)).toEqual([
      'system:bootstrap',
      'gd-admin',
      'gd-admin',
    ])
    expect(await verifyAuditChain(db.current.store, REGISTRY_CHAIN)).toMatchObject({
      brokenAt: null,
      length: 3,
    })
  })

  it('imports nothing from a file with a bad row, naming its line; imports a good file once', async () => {
    const bad = join(dataDir, 'bad.csv')
    writeFileSync(
      bad,
      [CSV_IMPORT_COLUMNS.join(','), good(1), good(2).replace('complaint', 'rumour'), good(3)].join('\n'),
    )
    const refused = await admin('import', '--as', 'gz-maker', '--file', bad)
    expect(refused.status).toBe(1)
    expect(refused.out).toContain(`${bad}:3: kind: Invalid option`)
    expect(refused.out).toContain('nothing was imported')

    const foreign = join(dataDir, 'foreign.csv')
    writeFileSync(foreign, [CSV_IMPORT_COLUMNS.join(','), good(1), good(2, USCC_B)].join('\n'))
    const outOfRegion = await admin('import', '--as', 'gz-maker', '--file', foreign)
    expect(outOfRegion).toMatchObject({
      status: 1,
      out: expect.stringContaining(`${foreign}:3: ${USCC_B} is outside your region`),
    })
    expect(await db.current.store.listRecords(USCC_A)).toEqual([])

    const file = join(dataDir, 'records.csv')
    writeFileSync(file, [CSV_IMPORT_COLUMNS.join(','), good(1), good(2), good(3)].join('\n'))
    expect(await admin('import', '--as', 'gz-maker', '--file', file, '--dry-run')).toMatchObject({
      status: 0,
      out: expect.stringContaining('dry run'),
    })
    expect(await db.current.store.listRecords(USCC_A)).toEqual([])
    expect(await admin('import', '--as', 'gz-maker', '--file', file)).toMatchObject({
      status: 0,
      out: expect.stringContaining('imported 3 records, 0 already present'),
    })
    expect(await admin('import', '--as', 'gz-maker', '--file', file)).toMatchObject({
      status: 0,
      out: expect.stringContaining('imported 0 records, 3 already present'),
    })
    expect(await db.current.store.listRecords(USCC_A)).toHaveLength(3)
  })

  it('a checker sees the queue and approves; the maker cannot approve their own', async () => {
    const queue = await admin('pending', '--as', 'gz-checker')
    const first = queue.out.split('\n')[0]?.split(' ')[0] as string
    expect(first).toMatch(new RegExp(`^${USCC_A}/2026-11-0[123]/[0-9A-Z]{26}$`))
    expect(await admin('record', 'approve', '--as', 'gz-maker', first)).toMatchObject({
      status: 1,
      out: expect.stringContaining('forbidden_role'),
    })
    expect(await admin('record', 'approve', '--as', 'gz-checker', first)).toMatchObject({
      status: 0,
      out: '✓ record effective',
    })
    expect((await admin('pending', '--as', 'gz-checker')).out.split('\n')).toHaveLength(2)
  })

  it('says what is wrong with a command before sending anything', async () => {
    await expect(admin('record', 'approve', '--as', 'gz-checker', 'not-a-record')).rejects.toThrow(UsageError)
    await expect(admin('import', '--as', 'gz-maker')).rejects.toThrow(/--file is required/)
    await expect(admin('whoami', '--as', 'nobody')).rejects.toThrow(/keygen --officer/)
    await expect(admin('frobnicate')).rejects.toThrow(/Usage/)
  })
})
