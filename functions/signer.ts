/** The signer a Lambda uses: the KMS key when SIGNING_KEY_ID is set, else a key file (tests, local). */
import { KMSClient } from '@aws-sdk/client-kms'
import { type Config, requireSigningKey } from '../shared/config.js'
import { kmsSigner } from '../shared/signing/kms-signer.js'
import { localSigner } from '../shared/signing/local-signer.js'
import type { Signer } from '../shared/signing/signer.js'

export async function signerFromConfig(config: Config): Promise<Signer> {
  const key = requireSigningKey(config)
  return 'kmsKeyId' in key ? kmsSigner(new KMSClient({}), key.kmsKeyId) : localSigner(key.keyFile)
}
