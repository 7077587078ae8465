/**
 * A signed grade attestation: a compact JWS (ES256) over the canonical JSON of what the grade is,
 * whose it is and which rating content it stands for. Anyone can check it against our JWKS.
 */
import type { Grade } from '../agency/vocabulary.js'
import { canonicalJson } from '../canonical/json.js'
import type { Signer } from './signer.js'

/** The JWS content type of an attestation. */
export const ATTESTATION_TYPE = 'application/vnd.chengxin.attestation+json'

export type AttestationClaims = {
  uscc: string
  name: string
  grade: Grade
  /** Total points in tenths, or null when not rated. */
  score: number | null
  methodology: { id: string; version: string }
  /** When the rating was computed (UTC). */
  asOf: string
  contentHash: string
  /** When this attestation was signed (UTC). */
  issuedAt: string
}

/** Signs the canonical JSON of the claims. */
export function attest(signer: Signer, claims: AttestationClaims): Promise<string> {
  return signer.sign(canonicalJson(claims), ATTESTATION_TYPE)
}
