/**
 * Money is an integer number of fen (分) everywhere: storage, API, maths. Yuan strings exist only
 * at the edges (what a person types, what a screen shows). Nothing here uses float arithmetic on
 * amounts: text is parsed digit by digit and formatting splits integers with % and integer division
 * (exact for every safe integer).
 */

/** the largest amount accepted from text: 99,999,999,999.99 元 (stays a safe integer of fen) */
export const MAX_FEN = 9_999_999_999_999

export type ParseYuanResult = { ok: true; fen: number } | { ok: false; message: string }

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C]/g

/** full-width digits, point and comma (０-９ ． ，) become their ASCII forms */
function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** digits with optional thousands separators in the right places: 1234 or 1,234 (not 12,34) */
const INTEGER_PART = /^(\d+|\d{1,3}(,\d{3})+)$/

/**
 * What a person typed as 元 → fen. Accepts "1,234.5", "1234.50", "０.５", "12元", surrounding
 * spaces; refuses negative, zero, exponent, more than two decimals, anything that is not a number.
 */
export function parseYuan(input: string): ParseYuanResult {
  const text = toHalfWidth(input.trim()).replace(/\s*元$/, '')
  if (text === '') return { ok: false, message: '请输入金额' }
  if (/^[-−]/.test(text)) return { ok: false, message: '请输入大于0的金额' }
  const [integer = '', fraction, ...rest] = text.replace(/^\+/, '').split('.')
  if (rest.length > 0 || !INTEGER_PART.test(integer === '' && fraction !== undefined ? '0' : integer)) {
    return { ok: false, message: '金额格式不正确，请输入数字，如 1234.56' }
  }
  if (fraction !== undefined && !/^\d*$/.test(fraction)) {
    return { ok: false, message: '金额格式不正确，请输入数字，如 1234.56' }
  }
  if (fraction !== undefined && fraction.length > 2) return { ok: false, message: '金额最多两位小数' }
  const digits = integer.replace(/,/g, '').replace(/^0+(?=\d)/, '')
  if (digits.length > 11) return { ok: false, message: '金额过大' }
  const fen = Number(digits || '0') * 100 + Number((fraction ?? '').padEnd(2, '0'))
  if (fen === 0) return { ok: false, message: '请输入大于0的金额' }
  return { ok: true, fen }
}

/** ⌊a / b⌋ for non-negative safe integers, without trusting a float quotient near an integer */
function wholeQuotient(a: number, b: number): number {
  return (a - (a % b)) / b
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分：${fen}`)
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',')
}

/** `units` hundredths as "123.45" (or "1,234.56" with grouping); integers only */
function formatHundredths(units: number, group: boolean): string {
  const sign = units < 0 ? '-' : ''
  const abs = Math.abs(units)
  const whole = String(wholeQuotient(abs, 100))
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}${group ? groupThousands(whole) : whole}.${cents}`
}

/** 123450 → "1,234.50" (元, for display) */
export function formatYuan(fen: number): string {
  assertFen(fen)
  return formatHundredths(fen, true)
}

/** 123450 → "1234.50" (元, no grouping: for inputs and plain text) */
export function fenToYuanString(fen: number): string {
  assertFen(fen)
  return formatHundredths(fen, false)
}

/** 万元 with two decimals, rounded half-up (away from zero): 191_061_735 fen (1,910,617.35 元) → "191.06" */
export function formatWan(fen: number): string {
  assertFen(fen)
  // 0.01 万元 = 100 元 = 10,000 fen
  const hundredthsOfWan = wholeQuotient(Math.abs(fen) + 5_000, 10_000)
  return formatHundredths(fen < 0 ? -hundredthsOfWan : hundredthsOfWan, true)
}
