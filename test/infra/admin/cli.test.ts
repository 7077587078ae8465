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
import { fileObjection } from '../../../functions/api/objection-filing.js'
import { type AdminIo, runAdmin, UsageError } from '../../../infra/admin/commands.js'
import { REGISTRY_CHAIN } from '../../../shared/audit/chain.js'
import { DEFAULT_OBJECTION_POLICY } from '../../../shared/objections/policy.js'
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
    severity: 'minor',
    titleZh: `投诉属实 ${day}`,
    titleEn: `Complaint upheld ${day}`,
    authority: '广州市人力资源和社会保障局',
    sourceName: '12333',
  })

/** A command line as an officer types it (arguments without spaces), run in-process. */
const run = (line: string) => admin(...line.split(/\s+/))

describe('npm run admin', () => {
  it('makes keys locally, bootstraps the first admin once, and registers officers by their public keys', async () => {
    const printed: Record<string, string> = {}
    for (const id of ['gd-admin', 'gz-maker', 'gz-checker', 'gz-both']) {
      const made = await run(`keygen --officer ${id}`)
      expect(made.status).toBe(0)
      printed[id] = made.out.split('\n').at(-1) as string
    }
    const keyFile = join(dataDir, 'officers', 'gd-admin.key.json')
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(keyFile, 'utf8')).privateJwk.d).toBeTypeOf('string')
    expect(JSON.parse(printed['gz-maker'] as string).d).toBeUndefined()
    await expect(run('keygen --officer gd-admin')).rejects.toThrow(/never overwritten/)

    expect(
      await run(
        'officer add --bootstrap --officer gd-admin --name 陈管理 --authority 广东省人社厅 --region 44',
      ),
    ).toMatchObject({
      status: 0,
      out: expect.stringContaining('first admin'),
    })
    await expect(run('officer add --bootstrap --officer gz-maker --name x --authority x')).rejects.toThrow(
      /already has officers/,
    )

    // The admin holds only the public keys the officers' keygen printed: a JSON line, or a file.
    const checkerJwk = join(dataDir, 'gz-checker.pub.json')
    writeFileSync(checkerJwk, printed['gz-checker'] as string)
    await expect(
      run(
        `officer add --as gd-admin --officer gz-x --name x --roles maker --authority x --region 4401 --jwk ${keyFile}`,
      ),
    ).rejects.toThrow(/private key/)
    expect(
      await admin(
        'officer',
        'add',
        '--as',
        'gd-admin',
        '--officer',
        'gz-maker',
        '--name',
        '王录入',
        '--roles',
        'maker',
        '--authority',
        '广州市人社局',
        '--region',
        '4401',
        '--jwk',
        printed['gz-maker'] as string,
      ),
    ).toMatchObject({ status: 0 })
    expect(
      await run(
        `officer add --as gd-admin --officer gz-checker --name 李审核 --roles checker --authority 广州市人社局 --region 4401 --jwk ${checkerJwk}`,
      ),
    ).toMatchObject({ status: 0 })
    expect(
      await run(
        'officer add --as gd-admin --officer gz-both --name 张兼任 --roles maker,checker --authority 广州市人社局 --region 4401',
      ),
    ).toMatchObject({ status: 0 })
    // A maker cannot register anyone: the server's refusal is shown and the status is 1.
    expect(
      await run(
        `officer add --as gz-maker --officer gz-y --name y --roles admin --authority x --region 4401 --jwk ${checkerJwk}`,
      ),
    ).toMatchObject({
      status: 1,
      out: expect.stringContaining('forbidden_role'),
    })
    expect(await run('whoami --as gz-maker')).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^gz-maker \(maker; region 4401/),
    })
    expect((await db.current.store.listAudit(REGISTRY_CHAIN)).map((e) => e.actor)).toEqual([
      'system:bootstrap',
      'gd-admin',
      'gd-admin',
      'gd-admin',
    ])
    expect(await verifyAuditChain(db.current.store, REGISTRY_CHAIN)).toMatchObject({
      brokenAt: null,
      length: 4,
    })
  })

  it('imports nothing from a file with a bad row, naming its line; imports a good file once', async () => {
    const bad = join(dataDir, 'bad.csv')
    writeFileSync(
      bad,
      [CSV_IMPORT_COLUMNS.join(','), good(1), good(2).replace('complaint', 'rumour'), good(3)].join('\n'),
    )
    const refused = await run(`import --as gz-maker --file ${bad}`)
    expect(refused.status).toBe(1)
    expect(refused.out).toContain(`${bad}:3: kind: Invalid option`)
    expect(refused.out).toContain('nothing was imported')

    const foreign = join(dataDir, 'foreign.csv')
    writeFileSync(foreign, [CSV_IMPORT_COLUMNS.join(','), good(1), good(2, USCC_B)].join('\n'))
    expect(await run(`import --as gz-maker --file ${foreign}`)).toMatchObject({
      status: 1,
      out: expect.stringContaining(`${foreign}:3: ${USCC_B} is outside your region`),
    })
    expect(await db.current.store.listRecords(USCC_A)).toEqual([])

    const file = join(dataDir, 'records.csv')
    writeFileSync(file, [CSV_IMPORT_COLUMNS.join(','), good(1), good(2), good(3)].join('\n'))
    expect(await run(`import --as gz-maker --file ${file} --dry-run`)).toMatchObject({
      status: 0,
      out: expect.stringContaining('dry run'),
    })
    expect(await db.current.store.listRecords(USCC_A)).toEqual([])
    expect(await run(`import --as gz-maker --file ${file}`)).toMatchObject({
      status: 0,
      out: expect.stringContaining('imported 3 records, 0 already present'),
    })
    expect(await run(`import --as gz-maker --file ${file}`)).toMatchObject({
      status: 0,
      out: expect.stringContaining('imported 0 records, 3 already present'),
    })
    expect(await db.current.store.listRecords(USCC_A)).toHaveLength(3)
  })

  it('checkers approve and reject from the queue; nobody decides their own record', async () => {
    const queue = (await run('pending --as gz-checker')).out.split('\n').map((l) => l.split(' ')[0] as string)
    expect(queue).toHaveLength(3)
    for (const r of queue) expect(r).toMatch(new RegExp(`^${USCC_A}/2026-11-0[123]/[0-9A-Z]{26}$`))
    const [first, second, third] = queue as [string, string, string]
    expect(await run(`record approve --as gz-maker ${first}`)).toMatchObject({
      status: 1,
      out: expect.stringContaining('forbidden_role'),
    })
    expect(await run(`record approve --as gz-checker ${first}`)).toMatchObject({
      status: 0,
      out: '✓ record effective',
    })
    expect(await run(`record reject --as gz-checker ${second} --reason 证据不足`)).toMatchObject({
      status: 0,
      out: '✓ record rejected',
    })
    expect(await run(`record approve --as gz-checker ${third}`)).toMatchObject({ status: 0 })

    // An officer with both roles submits, and still cannot approve their own record.
    const own = join(dataDir, 'own.json')
    const content = {
      uscc: USCC_A,
      occurredOn: '2026-11-09',
      kind: 'complaint',
      outcome: 'upheld',
      severity: 'minor',
      title: { zh: '投诉属实 9', en: 'Complaint upheld 9' },
      authority: '广州市人社局',
      source: { name: '12333' },
    }
    writeFileSync(own, JSON.stringify({ ...content, id: '01KBN0000000000000000000W1' }))
    expect(await run(`record submit --as gz-both --file ${own}`)).toMatchObject({
      status: 0,
      out: expect.stringContaining('submitted'),
    })
    // A file without an id gets one from its content: sent twice, it is one record.
    const noId = join(dataDir, 'no-id.json')
    writeFileSync(noId, JSON.stringify({ ...content, occurredOn: '2026-11-10' }))
    expect(await run(`record submit --as gz-both --file ${noId}`)).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^✓ submitted/),
    })
    expect(await run(`record submit --as gz-both --file ${noId}`)).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^✓ already submitted/),
    })
    expect(
      (await db.current.store.listRecords(USCC_A)).filter((r) => r.occurredOn === '2026-11-10'),
    ).toHaveLength(1)
    const mine = (await run('pending --as gz-checker')).out
      .split('\n')
      .find((l) => l.includes('/2026-11-09/'))
      ?.split(' ')[0] as string
    expect(await run(`record approve --as gz-both ${mine}`)).toMatchObject({
      status: 1,
      out: expect.stringContaining('self_approval'),
    })
    expect((await run('pending --as gz-checker')).out).toContain(mine)
  })

  it('answers objections and repairs records', async () => {
    const [first, , third] = (await db.current.store.listRecords(USCC_A)).filter(
      (r) => r.status !== 'pending',
    )
    const record = (first?.status === 'effective' ? first : third) as NonNullable<typeof first>
    const filed = await fileObjection(
      db.current.store,
      { uscc: USCC_A, recordId: record.id, statement: '该投诉已由双方和解，记录有误。' },
      new Date(),
      DEFAULT_OBJECTION_POLICY,
    )
    if (!filed.ok) throw new Error(filed.message)
    const listed = await run('objections --as gz-checker')
    expect(listed.out).toContain(`${USCC_A}/${filed.objection.id}  received`)
    expect(listed.out).toContain('该投诉已由双方和解')
    const target = `${USCC_A}/${filed.objection.id}`
    expect(await run(`objection accept --as gz-checker ${target}`)).toMatchObject({
      status: 0,
      out: '✓ objection under_review',
    })
    expect(
      await run(
        `objection dismiss --as gz-checker ${target} --reason-zh 和解不影响处理结论 --reason-en Settlement-does-not-change-the-finding`,
      ),
    ).toMatchObject({
      status: 0,
      out: '✓ objection dismissed',
    })
    const path = `${USCC_A}/${record.occurredOn}/${record.id}`
    expect(
      await run(
        `record repair --as gz-checker ${path} --document-no 穗人社修〔2026〕7号 --decided-on 2026-12-01`,
      ),
    ).toMatchObject({
      status: 0,
      out: '✓ record repaired',
    })
    expect(await run(`record withdraw --as gz-checker ${path} --reason 重复`)).toMatchObject({
      status: 1,
      out: expect.stringContaining('not_effective'),
    })
  })

  it('revokes every key of an officer at once, after which they sign nothing', async () => {
    expect(await run('officer revoke --as gd-admin --officer gz-both')).toMatchObject({
      status: 0,
      out: expect.stringContaining('1 keys revoked'),
    })
    expect(await run('whoami --as gz-both')).toMatchObject({
      status: 1,
      out: expect.stringContaining('revoked_key'),
    })
  })

  it('says what is wrong with a command before sending anything', async () => {
    await expect(run('record approve --as gz-checker not-a-record')).rejects.toThrow(UsageError)
    await expect(run('import --as gz-maker')).rejects.toThrow(/--file is required/)
    await expect(run('whoami --as nobody')).rejects.toThrow(/keygen --officer/)
    await expect(run('frobnicate')).rejects.toThrow(/Usage/)
  })
})
