/** The daily export, scheduled: publishes, or fails loudly (an alarm) when the publication is held. */
import { createExportDeps } from './deps.js'
import { exportOpenData } from './export.js'

const deps = await createExportDeps()

export const handler = async () => {
  const result = await exportOpenData(deps)
  if (!result.published) throw new Error(`Open data held, nothing published: ${result.reason}`)
  return { date: result.manifest.date, rows: result.manifest.rows }
}
