/** USCC validation speed against a format-only regex check over the same inputs. */
import { composeUscc, isUscc, parseUscc, USCC_CHARSET } from '../shared/identity/uscc.js'
import type { BenchSuite } from './harness.js'

const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** 1,000 valid codes and 1,000 with one character changed, fixed so every run sees the same input. */
function inputs(): { valid: string[]; mixed: string[] } {
  const valid: string[] = []
  let x = 12345
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return x
  }
  for (let i = 0; i < 1000; i++) {
    const body = Array.from({ length: 8 }, () => USCC_CHARSET.charAt(next() % 31)).join('')
    valid.push(composeUscc('9', '1', `44${String(next() % 10000).padStart(4, '0')}`, body))
  }
  const corrupted = valid.map((code, i) => {
    const at = i % 18
    const replacement = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(code.charAt(at)) + 1) % 31)
    return code.slice(0, at) + replacement + code.slice(at + 1)
  })
  return { valid, mixed: valid.flatMap((v, i) => [v, corrupted[i] ?? v]) }
}

const { valid, mixed } = inputs()
let i = 0
const nextOf = (list: string[]) => list[i++ % list.length] ?? ''

const suite: BenchSuite = {
  name: 'uscc',
  description: 'USCC validations per second; baseline = the format regex alone on the same codes',
  baseline: { name: 'format regex only', fn: () => FORMAT.test(nextOf(valid)) },
  cases: [
    { name: 'parseUscc, valid codes', fn: () => parseUscc(nextOf(valid)) },
    { name: 'parseUscc, half corrupted', fn: () => parseUscc(nextOf(mixed)) },
    { name: 'isUscc, valid codes', fn: () => isUscc(nextOf(valid)) },
  ],
}

export default suite
