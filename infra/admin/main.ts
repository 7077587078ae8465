/** `npm run -s admin -- <command>`: the officers' tool (commands.ts). */
import { resolve } from 'node:path'
import { loadLocalConfig } from '../../shared/config.js'
import { runMain } from '../local/cli.js'
import { runAdmin } from './commands.js'

runMain(async () => {
  process.exitCode = await runAdmin(process.argv.slice(2), {
    dataDir: resolve(loadLocalConfig(process.env).dataDir),
    env: process.env,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    progress: process.stderr,
  })
})
