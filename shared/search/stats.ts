/** Grade counts of the register: overall, by province and by service type. Pure. */
import { GRADES, type Grade, SERVICE_TYPES, type ServiceType } from '../agency/vocabulary.js'
import { PROVINCES } from '../identity/regions.js'
import type { SearchEntry } from './entry.js'

const emptyCounts = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>

/** Grade counts overall, by province and by service type. */
export function gradeStats(entries: readonly SearchEntry[]) {
  const byGrade = emptyCounts()
  const byProvince: Record<string, { name: string; total: number; byGrade: Record<Grade, number> }> = {}
  const byServiceType = Object.fromEntries(
    SERVICE_TYPES.map((s) => [s, { total: 0, byGrade: emptyCounts() }]),
  ) as Record<ServiceType, { total: number; byGrade: Record<Grade, number> }>
  for (const e of entries) {
    byGrade[e.grade]++
    const code = `${e.region.slice(0, 2)}0000`
    const province = byProvince[code] ?? { name: PROVINCES[code] ?? code, total: 0, byGrade: emptyCounts() }
    byProvince[code] = province
    province.total++
    province.byGrade[e.grade]++
    for (const s of e.serviceTypes) {
      byServiceType[s].total++
      byServiceType[s].byGrade[e.grade]++
    }
  }
  return { total: entries.length, byGrade, byProvince, byServiceType }
}
