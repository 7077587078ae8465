/**
 * Officers' key files on this machine: `<data>/officers/<officerId>.key.json` holds the private JWK
 * (file mode 0600, never sent anywhere); the public half is what an admin registers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'
import type { OfficerKeyPair } from '../../shared/auth/sign-request.js'

export const officerKeyFile = (dataDir: string, officerId: string) =>
  join(dataDir, 'officers', `${officerId}.key.json`)

/** Makes and saves a key pair; refuses to overwrite one (a lost private key cannot be recovered). */
export async function keygen(
  dataDir: string,
  officerId: string,
): Promise<{ file: string; kid: string; publicJwk: JWK }> {
  const file = officerKeyFile(dataDir, officerId)
  if (existsSync(file)) throw new Error(`${file} already exists; an officer's key is never overwritten`)
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  mkdirSync(join(dataDir, 'officers'), { recursive: true, mode: 0o700 })
  const saved: OfficerKeyPair = { officerId, kid, privateJwk: { ...(await exportJWK(privateKey)), kid } }
  writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  return { file, kid, publicJwk: { ...publicJwk, kid } }
}

/** Reads an officer's key file. */
export function readOfficerKey(file: string): OfficerKeyPair {
  let parsed: Partial<OfficerKeyPair>
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<OfficerKeyPair>
  } catch (error) {
    throw new Error(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `No key file ${file}; make one with: npm run -s admin -- keygen --officer <id>`
        : `${file} is not a key file written by keygen`,
    )
  }
  if (
    typeof parsed.officerId !== 'string' ||
    typeof parsed.kid !== 'string' ||
    parsed.privateJwk?.d === undefined
  )
    throw new Error(`${file} is not a key file written by keygen`)
  return parsed as OfficerKeyPair
}

/** The public JWK of a private one. */
export function publicOf(privateJwk: JWK): JWK {
  const { d: _d, ...pub } = privateJwk
  return pub
}

/** A public JWK given to an admin: a file, or the JSON itself, as keygen printed it. */
export function readPublicJwk(given: string): JWK {
  let text = given
  if (!given.trim().startsWith('{')) {
    try {
      text = readFileSync(given, 'utf8')
    } catch {
      throw new Error(`--jwk: no file ${given}, and not a JSON key either`)
    }
  }
  let jwk: JWK
  try {
    jwk = JSON.parse(text) as JWK
  } catch {
    throw new Error('--jwk: not JSON; pass the line keygen printed, or a file holding it')
  }
  if (jwk.d !== undefined || 'privateJwk' in jwk)
    throw new Error('--jwk: this is a private key; pass only the public key keygen printed')
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string')
    throw new Error('--jwk: not a P-256 public key (kty EC, crv P-256, x, y)')
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }
}
