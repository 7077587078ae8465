/**
 * What describes a publication: the Frictionless Data Package (every file with its size and
 * sha256), the checksum list and its detached ES256 signature (RFC 7515 appendix F: the JWS with its
 * payload left out; the payload is SHA256SUMS itself).
 */
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose'
import { base64url, type Signer } from '../../shared/signing/signer.js'

export type PublishedFile = {
  name: string
  bytes: number
  sha256: string
  format: string
  mediatype: string
  description: string
  compression?: 'gz'
}

export const SUMS = 'SHA256SUMS'
export const SUMS_SIGNATURE = 'SHA256SUMS.jws'
export const DATAPACKAGE = 'datapackage.json'
export const MANIFEST = 'latest.json'
const SUMS_TYPE = 'text/plain; charset=utf-8'

/** The Data Package of one publication. */
export function dataPackage(
  files: readonly PublishedFile[],
  meta: {
    date: string
    created: string
    rows: number
    demo: boolean
    methodology: { id: string; version: string }
  },
) {
  return {
    profile: 'data-package',
    name: 'chengxin-ratings',
    title: 'Chengxin: integrity grades of China’s HR service agencies / 诚信：人力资源服务机构诚信评级',
    version: meta.date,
    created: meta.created,
    description: `Every agency on the register with its current grade, the points of each indicator and the records that count (row format 1.0), under methodology ${meta.methodology.id}@${meta.methodology.version}. ${meta.rows} agencies.${meta.demo ? ' DEMO DATA: generated, describing no real agency.' : ''}`,
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0',
      },
    ],
    sources: [
      { title: '信用中国 Credit China', path: 'https://www.creditchina.gov.cn/' },
      {
        title: '国家企业信用信息公示系统 National Enterprise Credit Information Publicity System',
        path: 'https://www.gsxt.gov.cn/',
      },
    ],
    resources: files.map((f) => ({
      name: f.name.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
      path: f.name,
      format: f.format,
      mediatype: f.mediatype,
      encoding: 'utf-8',
      ...(f.compression ? { compression: f.compression } : {}),
      bytes: f.bytes,
      hash: `sha256:${f.sha256}`,
      description: f.description,
      ...(/^ratings\.json(l)?(\.gz)?$/.test(f.name) ? { schema: 'record.schema.json' } : {}),
    })),
  }
}

/** `sha256sum` format: "<hex>  <name>" a line, sorted by name. */
export function sha256sums(files: readonly { name: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((f) => `${f.sha256}  ${f.name}\n`)
    .join('')
}

/** A detached compact JWS over `text`: header..signature. */
export async function signDetached(signer: Signer, text: string): Promise<string> {
  const [header, , signature] = (await signer.sign(text, SUMS_TYPE)).split('.')
  return `${header}..${signature}`
}

/** Verifies a detached JWS over `text` against a JWK Set; throws with the reason otherwise. */
export async function verifyDetached(
  jws: string,
  text: string,
  keys: JSONWebKeySet,
): Promise<{ kid: string }> {
  const [header, payload, signature, ...rest] = jws.trim().split('.')
  if (rest.length > 0 || payload !== '' || !header || !signature)
    throw new Error('not a detached compact JWS')
  const { protectedHeader } = await compactVerify(
    `${header}.${base64url(text)}.${signature}`,
    createLocalJWKSet(keys),
  )
  if (protectedHeader.alg !== 'ES256') throw new Error(`unexpected algorithm ${protectedHeader.alg}`)
  return { kid: String(protectedHeader.kid) }
}
