/** Officers' keys and the nonces their signed requests spend. */
import { putOnce } from '../conditional.js'
import type { NonceInput } from '../entities/nonce.js'
import type { OfficerKeyInput } from '../entities/officer.js'
import { ReplayError } from '../errors.js'
import { changeOfficerKey, type OfficerChange } from '../officer-change.js'
import type { StoreParts } from '../parts.js'

export function officerVerbs({ audit, officerKeys, nonces, keyClaims, all }: StoreParts) {
  return {
    /** One registered officer key, or undefined. */
    async getOfficerKey(officerId: string, kid: string) {
      // Consistent: a key revoked a moment ago must already be refused.
      return (await officerKeys.get({ officerId, kid }, { consistent: true })).Item
    },
    /** Registers a key; fails with AlreadyExistsError if that kid is already registered. */
    async addOfficerKey(key: OfficerKeyInput): Promise<void> {
      await putOnce(
        key,
        () => officerKeys.put(key, { condition: { attr: 'officerId', exists: false } }),
        async () =>
          (await officerKeys.get({ officerId: key.officerId, kid: key.kid }, { consistent: true })).Item,
      )
    },
    /** Registers or revokes a key with the admin's nonce and a registry audit event, in one transaction. */
    async changeOfficerKey(change: OfficerChange): Promise<void> {
      await changeOfficerKey({ officerKeys, nonces, audit, keyClaims }, change)
    },
    /** Revokes a key (from now on every request it signs is refused); false if there is no such key. */
    async revokeOfficerKey(officerId: string, kid: string, at: string): Promise<boolean> {
      const key = (await officerKeys.get({ officerId, kid }, { consistent: true })).Item
      if (!key) return false
      if (key.status === 'revoked') return true
      await officerKeys.put(
        { ...key, status: 'revoked', revokedAt: at },
        { condition: { attr: 'status', eq: 'active' } },
      )
      return true
    },
    /** Every key an officer has registered. */
    async listOfficerKeys(officerId: string) {
      const { Items = [] } = await officerKeys.query({ partition: `OFFICER#${officerId}` }, all)
      return Items
    },

    /** Spends a request nonce; ReplayError if it was spent before (by anyone, at any time until it expires). */
    async spendNonce(nonce: NonceInput): Promise<void> {
      try {
        await nonces.put(nonce, { condition: { attr: 'nonce', exists: false } })
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException')
          throw new ReplayError(`nonce ${nonce.nonce.slice(0, 64)} was already used`)
        throw error
      }
    },
  }
}
