/** Every published methodology version, frozen; the default is the newest ldt3002. */
import type { Methodology } from '../methodology-types.js'
import ldt3002v0_1_0 from './ldt3002-0.1.0.js'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** Published versions, oldest first. A published version never changes; a change is a new version. */
export const METHODOLOGIES: readonly Methodology[] = [ldt3002v0_1_0].map(deepFreeze)

export const DEFAULT_METHODOLOGY: Methodology = METHODOLOGIES[METHODOLOGIES.length - 1] as Methodology

/** The methodology with this id and version, if published. */
export function findMethodology(id: string, version: string): Methodology | undefined {
  return METHODOLOGIES.find((m) => m.id === id && m.version === version)
}
