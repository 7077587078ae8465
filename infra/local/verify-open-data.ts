/**
 * `npm run verify-open-data -- <folder-or-url> [--jwks <file-or-url>]`: checks a publication's
 * signature, every file's sha256 and size, and every row against the schema; prints one line and
 * exits non-zero on any failure. Without --jwks: the publisher's /.well-known/jwks.json for a URL,
 * the local key for a local folder.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { JSONWebKeySet } from 'jose'
import { openPublication } from '../../functions/export/sources.js'
import { verifyPublication } from '../../functions/export/verify.js'
import { loadLocalConfig } from '../../shared/config.js'
import { localSigner } from '../../shared/signing/local-signer.js'
import { jwks } from '../../shared/signing/signer.js'
import { fail, runMain } from './cli.js'

const USAGE = `Usage: npm run -s verify-open-data -- <folder-or-url> [--jwks <file-or-url>]`

async function keysFrom(target: string, given: string | undefined): Promise<JSONWebKeySet> {
  if (given) {
    const body = /^https?:\/\//.test(given)
      ? await (await fetch(given)).text()
      : await readFile(given, 'utf8')
    return JSON.parse(body) as JSONWebKeySet
  }
  if (/^https?:\/\//.test(target)) {
    const res = await fetch(new URL('/.well-known/jwks.json', target))
    if (!res.ok) fail(`Could not fetch the publisher's keys (${res.status}); pass --jwks`)
    return (await res.json()) as JSONWebKeySet
  }
  const keyFile = resolve(loadLocalConfig(process.env).dataDir, 'keys', 'attestation.jwk.json')
  return jwks([await localSigner(keyFile)])
}

runMain(async () => {
  const { values, positionals } = (() => {
    try {
      return parseArgs({ allowPositionals: true, options: { jwks: { type: 'string' } } })
    } catch (error) {
      fail(`${(error as Error).message}\n${USAGE}`)
    }
  })()
  const target = positionals[0]
  if (!target || positionals.length > 1) fail(USAGE)
  const source = await openPublication(target)
  const verdict = await verifyPublication(source, await keysFrom(target, values.jwks))
  if (verdict.ok) {
    console.log(
      `OK 校验通过: ${verdict.rows} agencies, ${verdict.files} files, signed by key ${verdict.kid} (${source.describe})`,
    )
    return
  }
  console.log(`FAILED 校验失败: ${verdict.problems.length} problem(s) in ${source.describe}`)
  for (const p of verdict.problems) console.log(`  - ${p}`)
  process.exitCode = 1
})
