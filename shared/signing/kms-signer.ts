/**
 * The AWS signing adapter: ES256 with a KMS asymmetric key (ECC_NIST_P256, SIGN_VERIFY). The private
 * key never leaves KMS; the public key is read once and published as a JWK.
 */
import { createHash } from 'node:crypto'
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms'
import { exportJWK, importSPKI } from 'jose'
import { base64url, derToJose, publicKeyJwk, type Signer } from './signer.js'

/** A signer over a KMS key id or alias. */
export async function kmsSigner(kms: KMSClient, keyId: string): Promise<Signer> {
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))
  if (!PublicKey) throw new Error(`KMS key ${keyId} has no public key`)
  const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(PublicKey).toString('base64')}\n-----END PUBLIC KEY-----`
  const publicJwk = await publicKeyJwk(await exportJWK(await importSPKI(pem, 'ES256', { extractable: true })))
  const kid = publicJwk.kid ?? ''
  return {
    kid,
    async sign(payload, contentType) {
      const signingInput = `${base64url(JSON.stringify({ alg: 'ES256', kid, cty: contentType }))}.${base64url(payload)}`
      const digest = createHash('sha256').update(signingInput).digest()
      const { Signature } = await kms.send(
        new SignCommand({
          KeyId: keyId,
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      )
      if (!Signature) throw new Error('KMS returned no signature')
      return `${signingInput}.${base64url(derToJose(Signature))}`
    },
    publicJwk: () => publicJwk,
  }
}
