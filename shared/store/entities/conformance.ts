/**
 * Compile-time proof that the entities store exactly the domain types of shared/agency/types.ts:
 * a domain value can be written, and what is read back is a domain value. No runtime code.
 */
import type { Agency, CreditRecord } from '../../agency/types.js'
import type { AgencyInput, Agency as StoredAgency } from './agency.js'
import type { CreditRecordInput, CreditRecord as StoredRecord } from './record.js'

type Assignable<From, To> = [From] extends [To] ? true : false
type Check<T extends true> = T

export type Conformance = [
  Check<Assignable<Agency, AgencyInput>>,
  Check<Assignable<StoredAgency, Agency>>,
  Check<Assignable<CreditRecord, CreditRecordInput>>,
  Check<Assignable<StoredRecord, CreditRecord>>,
]
