/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): parse, validate and compose.
 *
 * Layout: 1 registration department, 2 entity type, 3–8 GB/T 2260 area code of the registering
 * authority, 9–17 GB 11714 organisation code (8 body characters + its own check character),
 * 18 mod-31 check character. Sources: ../shared/reference/methodology-research.md §3.
 */
import type { Label } from '../agency/vocabulary.js'

/** A code that passed `parseUscc`: upper case, 18 characters, internally consistent. */
export type Uscc = string & { readonly __brand: 'Uscc' }

/** The 31 characters of GB 32100 (no I, O, S, V, Z); a character's index is its value. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_LENGTH = 18
/** Charset and digit positions in one test: the fast path for well-formed input. */
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/
/** Character code → value in USCC_CHARSET (-1 where not in it). */
const USCC_VALUES = Array.from({ length: 128 }, (_, code) => USCC_CHARSET.indexOf(String.fromCharCode(code)))
/** W_i = 3^(i-1) mod 31 for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
/** GB 11714 weights for the 8 body characters of the organisation code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/**
 * Registration department → entity types allowed after it. 1, 5, 9 and Y are confirmed by the
 * standard as issued; the departments added by later amendments are accepted with any type digit,
 * because their type tables were not verified.
 */
const DEPARTMENT_TYPES: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '9': '123', // 工商/市场监管: 企业, 个体工商户, 农民专业合作社
  Y: '123456789', // 其他 (types unverified)
  '2': '123456789', // 外交 (amendment, unverified)
  '3': '123456789', // 司法行政 (amendment, unverified)
  '4': '123456789', // 文化 (amendment, unverified)
  '6': '123456789', // 旅游 (amendment, unverified)
  '7': '123456789', // 宗教 (amendment, unverified)
  '8': '123456789', // 工会 (amendment, unverified)
  A: '123456789', // 军队 (amendment, unverified)
  N: '123456789', // 农业 (amendment, unverified)
}

/** GB/T 2260 province-level prefixes, plus 10 for authorities at national level (100000). */
const AREA_PREFIXES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
)

/** Why a string is not a valid USCC. Positions are 1-based, as printed on a licence. */
export type UsccProblem =
  | { code: 'empty' }
  | { code: 'wrong_length'; length: number }
  | { code: 'bad_character'; position: number; character: string }
  | { code: 'bad_department'; character: string }
  | { code: 'bad_type'; department: string; character: string }
  | { code: 'bad_area'; area: string }
  | { code: 'org_check_mismatch'; expected: string; got: string }
  | { code: 'check_mismatch'; expected: string; got: string }
  /** Both check characters disagree: most likely one of characters 9–16 was mistyped. */
  | { code: 'checks_mismatch' }

export type UsccParts = { department: string; type: string; area: string; orgCode: string }

export type UsccResult =
  | ({ ok: true; value: Uscc; warnings: UsccProblem[] } & UsccParts)
  | { ok: false; input: string; problem: UsccProblem; message: Label }

export type ParseUsccOptions = {
  /**
   * For codes supplied by an official register: report structure and check-character problems as
   * warnings instead of failing, because some pilot-period codes (Xiamen, Fuzhou, before 2016) do
   * not satisfy the algorithm, and department and area tables change (methodology-research §3.4).
   * Length and character set are still enforced.
   */
  lenientChecks?: boolean
}

/** Trims, applies NFKC (full-width → ASCII) and upper-cases: the only normalisation we do. */
export function normaliseUscc(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase()
}

/** Parses and validates a USCC, returning the first problem found with a zh/en message. */
export function parseUscc(input: string, options: ParseUsccOptions = {}): UsccResult {
  const code = normaliseUscc(input)
  const fail = (problem: UsccProblem): UsccResult => ({
    ok: false,
    input,
    problem,
    message: describe(problem),
  })
  if (code.length === 0) return fail({ code: 'empty' })
  if (!USCC_SHAPE.test(code)) return fail(shapeProblem(code))
  const department = code.charAt(0)
  const type = code.charAt(1)
  const area = code.slice(2, 8)
  const structure: UsccProblem[] = []
  const allowedTypes = DEPARTMENT_TYPES[department]
  if (allowedTypes === undefined) structure.push({ code: 'bad_department', character: department })
  else if (!allowedTypes.includes(type)) structure.push({ code: 'bad_type', department, character: type })
  if (!AREA_PREFIXES.has(area.slice(0, 2))) structure.push({ code: 'bad_area', area })

  const checks: UsccProblem[] = []
  const orgExpected = orgCodeCheckCharacter(code.slice(8, 16))
  const orgOk = orgExpected === code.charAt(16)
  const expected = usccCheckCharacter(code.slice(0, 17))
  const checkOk = expected === code.charAt(17)
  if (!orgOk && !checkOk) checks.push({ code: 'checks_mismatch' })
  else if (!orgOk) checks.push({ code: 'org_check_mismatch', expected: orgExpected, got: code.charAt(16) })
  else if (!checkOk) checks.push({ code: 'check_mismatch', expected, got: code.charAt(17) })

  const problems = [...structure, ...checks]
  const [first] = problems
  if (first !== undefined && !options.lenientChecks) return fail(first)
  const warnings = problems
  return { ok: true, value: code as Uscc, warnings, department, type, area, orgCode: code.slice(8, 17) }
}

/** The first length or character problem of a string that failed USCC_SHAPE, counting code points. */
function shapeProblem(code: string): UsccProblem {
  const characters = [...code]
  if (characters.length !== USCC_LENGTH) return { code: 'wrong_length', length: characters.length }
  const position = characters.findIndex((c, i) => !(i >= 2 && i < 8 ? isDigit(c) : USCC_CHARSET.includes(c)))
  return { code: 'bad_character', position: position + 1, character: characters[position] ?? '' }
}

/** True when `input` parses strictly as a USCC. */
export function isUscc(input: string): boolean {
  return parseUscc(input).ok
}

/** The mod-31 check character (position 18) for the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (USCC_VALUES[first17.charCodeAt(i)] ?? -1) * (USCC_WEIGHTS[i] ?? 0)
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31)
}

/**
 * The GB 11714 organisation-code check character (position 17) for its 8 body characters.
 * GB 11714 values letters over the full alphabet (A=10 … Z=35), unlike the USCC charset.
 */
export function orgCodeCheckCharacter(body8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8.charAt(i), 36) * (ORG_WEIGHTS[i] ?? 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

/** Builds a valid USCC from department, type, 6-digit area and the 8-character organisation body. */
export function composeUscc(department: string, type: string, area: string, orgBody: string): Uscc {
  const first17 = `${department}${type}${area}${orgBody}${orgCodeCheckCharacter(orgBody)}`
  return `${first17}${usccCheckCharacter(first17)}` as Uscc
}

/** Thrown where a USCC is required and the input is not one; carries the problem and message. */
export class InvalidUsccError extends Error {
  constructor(
    readonly problem: UsccProblem,
    readonly label: Label,
  ) {
    super(label.en)
    this.name = 'InvalidUsccError'
  }
}

/** Returns the USCC or throws InvalidUsccError with the reason. */
export function requireUscc(input: string): Uscc {
  const result = parseUscc(input)
  if (!result.ok) throw new InvalidUsccError(result.problem, result.message)
  return result.value
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9'
}

const LOOKALIKES: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5', V: 'U' }

/** The zh/en sentence a user sees for a problem. */
export function describe(problem: UsccProblem): Label {
  switch (problem.code) {
    case 'empty':
      return { zh: '请输入18位统一社会信用代码', en: 'Enter the 18-character Unified Social Credit Code' }
    case 'wrong_length':
      return {
        zh: `统一社会信用代码应为18位，实际为${problem.length}位`,
        en: `A Unified Social Credit Code has 18 characters; this has ${problem.length}`,
      }
    case 'bad_character': {
      const { position, character } = problem
      const guess = LOOKALIKES[character]
      const digitsOnly = position >= 3 && position <= 8
      const zhHint = guess
        ? `（代码不使用字母${character}，是否应为“${guess}”？）`
        : digitsOnly
          ? '（第3–8位应为数字）'
          : ''
      const enHint = guess
        ? ` (codes never use the letter ${character}; did you mean "${guess}"?)`
        : digitsOnly
          ? ' (positions 3–8 are digits)'
          : ''
      return {
        zh: `第${position}位字符“${character}”无效${zhHint}`,
        en: `Character ${position} "${character}" is not allowed${enHint}`,
      }
    }
    case 'bad_department':
      return {
        zh: `第1位登记管理部门代码“${problem.character}”不存在`,
        en: `Character 1 "${problem.character}" is not a registration department code`,
      }
    case 'bad_type':
      return {
        zh: `第2位机构类别代码“${problem.character}”不属于登记管理部门“${problem.department}”`,
        en: `Character 2 "${problem.character}" is not an entity type of department "${problem.department}"`,
      }
    case 'bad_area':
      return {
        zh: `第3–8位行政区划码“${problem.area}”不是有效的省级区划开头`,
        en: `Characters 3–8 "${problem.area}" do not start with a GB/T 2260 province code`,
      }
    case 'org_check_mismatch':
      return {
        zh: `第17位组织机构代码校验码应为“${problem.expected}”，实际为“${problem.got}”`,
        en: `Character 17 (organisation-code check) should be "${problem.expected}", got "${problem.got}"`,
      }
    case 'checks_mismatch':
      return {
        zh: '两位校验码均不符：第9–16位中很可能有字符输错，请逐位核对',
        en: 'Both check characters disagree: one of characters 9–16 is probably mistyped; check them one by one',
      }
    case 'check_mismatch':
      return {
        zh: `第18位校验码应为“${problem.expected}”，实际为“${problem.got}”`,
        en: `Character 18 (check character) should be "${problem.expected}", got "${problem.got}"`,
      }
  }
}
