import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  composeUscc,
  isUscc,
  orgCodeCheckCharacter,
  parseUscc,
  requireUscc,
  USCC_CHARSET,
  usccCheckCharacter,
} from '../../../shared/identity/uscc.js'

/** Worked examples and test vectors from methodology-research.md §3.3, all cross-checked there. */
const VALID = [
  '91350100M000100Y43', // the standard's own worked example
  '91330100716105852F',
  '9144030071526726XG', // organisation-code check = X
  '914403001922038216',
  '91110108551385082Q',
  '12440600MB2C07549J', // 事业单位
  '91440101MA5TEQT04H',
  '92141127MA0KD1Y64A', // 个体工商户
]

/** Real pilot-period codes (Xiamen, Fuzhou, before 2016) whose position 18 breaks the algorithm. */
const PILOT_PERIOD = ['91350100M0001TGQXM', '91350211M0000XUF46', '91350203M0001FUE2P', '91350203M0001QKT19']

describe('parseUscc', () => {
  it.each(VALID)('accepts the published example %s', (code) => {
    const result = parseUscc(code)
    expect(result).toMatchObject({ ok: true, value: code, warnings: [] })
  })

  it('splits a code into its parts', () => {
    expect(parseUscc('91330100716105852F')).toMatchObject({
      department: '9',
      type: '1',
      area: '330100',
      orgCode: '716105852',
    })
  })

  it.each([
    {
      name: 'standard example with Z as check',
      input: '91350100M000100Y4Z',
      problem: { code: 'bad_character', position: 18, character: 'Z' },
    },
    { name: 'too short', input: '91350100M000100Y4', problem: { code: 'wrong_length', length: 17 } },
    { name: 'too long', input: '91350100M000100Y433', problem: { code: 'wrong_length', length: 19 } },
    { name: 'empty', input: '   ', problem: { code: 'empty' } },
    {
      name: 'letter O for zero',
      input: '9135O100M000100Y43',
      problem: { code: 'bad_character', position: 5, character: 'O' },
    },
    {
      name: 'letter in the area code',
      input: '9135A100M000100Y43',
      problem: { code: 'bad_character', position: 5, character: 'A' },
    },
    {
      name: 'unknown department',
      input: 'C1350100M000100Y43',
      problem: { code: 'bad_department', character: 'C' },
    },
    {
      name: 'type not under department 9',
      input: '97350100M000100Y43',
      problem: { code: 'bad_type', department: '9', character: '7' },
    },
    {
      name: 'area not a province',
      input: '91990100M000100Y43',
      problem: { code: 'bad_area', area: '990100' },
    },
    {
      name: 'wrong check character',
      input: '91350100M000100Y44',
      problem: { code: 'check_mismatch', expected: '3', got: '4' },
    },
    {
      name: 'resident ID number that passes mod 31 by coincidence',
      input: '362322198709086409',
      problem: { code: 'org_check_mismatch', expected: '5', got: '0' },
    },
  ])('rejects $name', ({ input, problem }) => {
    const result = parseUscc(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toEqual(problem)
  })

  it('says which character is wrong and what the check should be, in both languages', () => {
    const result = parseUscc('91350100M000100Y44')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message.zh).toBe('第18位校验码应为“3”，实际为“4”')
    expect(result.message.en).toBe('Character 18 (check character) should be "3", got "4"')
    const lookalike = parseUscc('9135O100M000100Y43')
    if (!lookalike.ok) expect(lookalike.message.en).toContain('did you mean "0"?')
  })

  it('normalises lower case, full-width characters and surrounding spaces', () => {
    expect(parseUscc('  91350100m000100y43 ')).toMatchObject({ ok: true, value: '91350100M000100Y43' })
    expect(parseUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({
      ok: true,
      value: '91350100M000100Y43',
    })
    expect(parseUscc('\u300091330100716105852f\u3000')).toMatchObject({
      ok: true,
      value: '91330100716105852F',
    })
  })

  it('rejects inner spaces and dashes with their position instead of guessing', () => {
    expect(parseUscc('9135 0100M000100Y4')).toMatchObject({
      ok: false,
      problem: { code: 'bad_character', position: 5 },
    })
    expect(parseUscc('91350100-000100Y43')).toMatchObject({
      ok: false,
      problem: { code: 'bad_character', position: 9 },
    })
  })

  it('counts an emoji as one character', () => {
    expect(parseUscc('91350100M000100Y4😀')).toMatchObject({
      ok: false,
      problem: { code: 'bad_character', position: 18 },
    })
  })

  it('points at characters 9–16 when both checks fail, not at the check character', () => {
    const typo = parseUscc('91330100726105852F') // character 10 mistyped
    expect(typo).toMatchObject({ ok: false, problem: { code: 'checks_mismatch' } })
    if (!typo.ok) expect(typo.message.en).toContain('one of characters 9–16')
  })

  it('accepts a register-supplied code with an unknown department or area as a warning only', () => {
    expect(parseUscc('C1350100M000100Y43').ok).toBe(false)
    const lenient = parseUscc('C1350100M000100Y43', { lenientChecks: true })
    expect(lenient).toMatchObject({
      ok: true,
      warnings: [{ code: 'bad_department' }, { code: 'check_mismatch' }],
    })
    expect(parseUscc('91350100M000100Y4Z', { lenientChecks: true }).ok).toBe(false)
  })

  it.each(PILOT_PERIOD)(
    'rejects pilot-period code %s strictly but accepts it with a warning from a register',
    (code) => {
      expect(parseUscc(code).ok).toBe(false)
      const lenient = parseUscc(code, { lenientChecks: true })
      expect(lenient).toMatchObject({ ok: true, warnings: [{ code: 'check_mismatch' }] })
    },
  )

  it('catches every single-character corruption of every valid example', () => {
    for (const code of VALID) {
      for (let i = 0; i < code.length; i++) {
        for (const replacement of `${USCC_CHARSET}IOSVZ`) {
          if (replacement === code[i]) continue
          const corrupted = code.slice(0, i) + replacement + code.slice(i + 1)
          expect(isUscc(corrupted), `${corrupted} (position ${i + 1})`).toBe(false)
        }
      }
    }
  })

  it('requireUscc throws InvalidUsccError carrying the reason', () => {
    expect(() => requireUscc('123')).toThrowError(/18 characters; this has 3/)
    expect(requireUscc('91330100716105852f')).toBe('91330100716105852F')
  })
})

describe('check characters', () => {
  it('reproduces the worked sums', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3')
    expect(usccCheckCharacter('91330100716105852')).toBe('F')
    expect(orgCodeCheckCharacter('71610585')).toBe('2')
    expect(orgCodeCheckCharacter('MA0KD1Y6')).toBe('4')
    expect(orgCodeCheckCharacter('71526726')).toBe('X')
  })
})

const uscChar = fc.constantFrom(...USCC_CHARSET)
const orgBody = fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), {
  minLength: 8,
  maxLength: 8,
})
const area = fc.tuple(fc.constantFrom('11', '31', '44', '51', '65'), fc.integer({ min: 0, max: 9999 }))
const parts = fc.record({
  prefix: fc.constantFrom('91', '92', '93', '11', '12', '51', '52', '53', 'Y1'),
  area: area.map(([p, n]) => `${p}${String(n).padStart(4, '0')}`),
  body: orgBody.map((chars) => chars.join('')),
})

describe('composeUscc (property)', () => {
  it('always produces codes that validate', () => {
    fc.assert(
      fc.property(parts, ({ prefix, area, body }) => {
        const code = composeUscc(prefix.charAt(0), prefix.charAt(1), area, body)
        expect(parseUscc(code)).toMatchObject({ ok: true, value: code })
      }),
    )
  })

  it('has exactly one valid check character for any first 17 characters', () => {
    fc.assert(
      fc.property(parts, ({ prefix, area, body }) => {
        const first17 = composeUscc(prefix.charAt(0), prefix.charAt(1), area, body).slice(0, 17)
        const valid = [...USCC_CHARSET].filter((c) => isUscc(first17 + c))
        expect(valid).toEqual([usccCheckCharacter(first17)])
      }),
    )
  })

  it('never throws on arbitrary input, and only accepts 18-character results', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: uscChar, minLength: 18, maxLength: 18 })),
        (input) => {
          const result = parseUscc(input)
          if (result.ok) expect(result.value).toHaveLength(18)
          else expect(result.message.en.length).toBeGreaterThan(0)
        },
      ),
    )
  })
})
