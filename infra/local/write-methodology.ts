/** `npm run methodology`: writes docs/methodology.md from the default methodology's data. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { DEFAULT_METHODOLOGY } from '../../shared/rating/methodologies/index.js'
import { renderMethodologyDoc } from '../../shared/rating/methodology-doc.js'
import { runMain } from './cli.js'

/** Where the generated document lives (committed; a test fails when it is stale). */
export const METHODOLOGY_DOC = 'docs/methodology.md'

runMain(async () => {
  mkdirSync('docs', { recursive: true })
  writeFileSync(METHODOLOGY_DOC, renderMethodologyDoc(DEFAULT_METHODOLOGY))
  console.log(`Wrote ${METHODOLOGY_DOC} (${DEFAULT_METHODOLOGY.id}@${DEFAULT_METHODOLOGY.version}).`)
})
