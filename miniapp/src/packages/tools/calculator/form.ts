import type { IsoDate } from '@gjj/shared/date'
import {
  defaultRate,
  formatRatePercent,
  type LoanKind,
  MAX_RATE_PPM,
  parseRatePercent,
  type RatePpm,
} from '@gjj/shared/loan/rates'
import { buildCombinedSchedule, buildSchedule, type RepaymentMethod, type Schedule } from '@gjj/shared/loan/schedule'
import { parseYuan } from '@gjj/shared/money'

/**
 * 房贷计算器 (manual 5.1.2): what the person types, checked and turned into loan terms for shared's
 * schedule maths. Pure: no Taro, no React, so it is unit-tested on its own.
 *
 * Amounts are typed in 万元 (at most two decimals, i.e. to the 100 元), the term in whole years
 * (1–30), rates in percent (shared's parseRatePercent: up to four decimals, > 0 and ≤ MAX_RATE_PPM).
 */

export type LoanType = LoanKind | 'combined'

export const METHODS: readonly { value: RepaymentMethod; label: string }[] = [
  { value: 'equalInstallment', label: '等额本息' },
  { value: 'equalPrincipal', label: '等额本金' },
]

export const LOAN_TYPES: readonly { value: LoanType; label: string }[] = [
  { value: 'fund', label: '公积金贷款' },
  { value: 'commercial', label: '商业贷款' },
  { value: 'combined', label: '组合贷款' },
]

export const methodLabel = (method: RepaymentMethod) => METHODS.find((m) => m.value === method)?.label ?? ''
export const loanTypeLabel = (type: LoanType) => LOAN_TYPES.find((t) => t.value === type)?.label ?? ''

export const MIN_YEARS = 1
export const MAX_YEARS = 30
/** 10,000 万元 = 1 亿元 */
export const MAX_WAN = 10_000
/** the largest loan the calculator takes, in fen: 10,000 万元 */
export const MAX_PRINCIPAL_FEN = MAX_WAN * 1_000_000

/**
 * The text of the form, as typed. `amount`/`rate` are the loan of a single-kind loan, or the
 * provident fund part of a 组合贷款; `commercialAmount`/`commercialRate` are the commercial part of
 * a 组合贷款 only.
 */
export interface CalculatorForm {
  method: RepaymentMethod
  type: LoanType
  amount: string
  rate: string
  commercialAmount: string
  commercialRate: string
  years: string
}

export type FieldName = 'amount' | 'rate' | 'commercialAmount' | 'commercialRate' | 'years'
export type FieldErrors = Partial<Record<FieldName, string>>

export interface LoanPart {
  kind: LoanKind
  principalFen: number
  annualRatePpm: RatePpm
}

/** a checked calculation: one part (公积金 or 商业) or two (组合: the fund part first) */
export interface CalculatorInput {
  type: LoanType
  years: number
  parts: LoanPart[]
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E]/g
const halfWidth = (text: string) => text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** 贷款金额 in 万元 → fen: "25" → 25,000,000; "25.5万" → 25,500,000 */
export function parseWan(input: string): Checked<number> {
  const text = halfWidth(input.trim()).replace(/\s*万元?$/, '')
  if (/^[-−]/.test(text)) return { ok: false, message: '贷款金额应大于0' }
  // parseYuan reads "digits with at most two decimals" exactly; here they are 万元, not 元
  const parsed = parseYuan(text)
  if (!parsed.ok) {
    if (parsed.message.includes('过大')) return { ok: false, message: `贷款金额不能超过${MAX_WAN}万元` }
    return { ok: false, message: parsed.message.replace('金额', '贷款金额') }
  }
  // parsed.fen counts hundredths of 万元 here; 0.01 万元 = 100 元 = 10,000 fen
  if (parsed.fen > MAX_WAN * 100) return { ok: false, message: `贷款金额不能超过${MAX_WAN}万元` }
  return { ok: true, value: parsed.fen * 10_000 }
}

/** 贷款期限 in whole years, 1–30 */
export function parseYears(input: string): Checked<number> {
  const text = halfWidth(input.trim()).replace(/\s*年$/, '')
  if (text === '') return { ok: false, message: '请输入贷款期限' }
  if (/^[-−]/.test(text)) return { ok: false, message: `贷款期限应为${MIN_YEARS}至${MAX_YEARS}年` }
  if (/^\d*\.\d*$/.test(text)) return { ok: false, message: '贷款期限应为整数年' }
  if (!/^\d+$/.test(text)) return { ok: false, message: '贷款期限格式不正确，请输入整数年，如 30' }
  const years = Number(text)
  if (years < MIN_YEARS || years > MAX_YEARS) {
    return { ok: false, message: `贷款期限应为${MIN_YEARS}至${MAX_YEARS}年` }
  }
  return { ok: true, value: years }
}

/** 年利率 in percent → ppm, through shared's parseRatePercent (> 0, ≤ MAX_RATE_PPM, ≤ 4 decimals) */
export function parseRate(input: string): Checked<RatePpm> {
  const text = halfWidth(input.trim())
  if (/^[-−]/.test(text)) {
    return { ok: false, message: `年利率应大于0%且不超过${formatRatePercent(MAX_RATE_PPM)}%` }
  }
  const parsed = parseRatePercent(text)
  return parsed.ok ? { ok: true, value: parsed.value } : parsed
}

/** the default rates (as text) for a loan type and term on a day, from shared's dated table */
export function defaultRates(type: LoanType, years: number, date: IsoDate): { rate: string; commercialRate: string } {
  const rateOf = (kind: LoanKind) => formatRatePercent(defaultRate({ kind, years, date }))
  return {
    rate: rateOf(type === 'commercial' ? 'commercial' : 'fund'),
    commercialRate: rateOf('commercial'),
  }
}

/** a fresh form: 等额本息, 公积金贷款, 30 years, the day's default rates, no amount yet */
export function initialForm(date: IsoDate): CalculatorForm {
  const years = MAX_YEARS
  return {
    method: 'equalInstallment',
    type: 'fund',
    amount: '',
    commercialAmount: '',
    years: String(years),
    ...defaultRates('fund', years, date),
  }
}

/**
 * The rates go back to the table's defaults when the loan type or the term changes (while the
 * term is not a valid number of years the rates are left as they are). A rate typed by hand
 * sticks until then.
 */
function withDefaultRates(form: CalculatorForm, date: IsoDate): CalculatorForm {
  const years = parseYears(form.years)
  return years.ok ? { ...form, ...defaultRates(form.type, years.value, date) } : form
}

export function changeType(form: CalculatorForm, type: LoanType, date: IsoDate): CalculatorForm {
  if (type === form.type) return form
  return withDefaultRates({ ...form, type }, date)
}

export function changeYears(form: CalculatorForm, years: string, date: IsoDate): CalculatorForm {
  if (years === form.years) return form
  const next = { ...form, years }
  const before = parseYears(form.years)
  const after = parseYears(years)
  // "30" → "30.0" is the same term: keep a hand-typed rate
  if (before.ok && after.ok && before.value === after.value) return next
  return withDefaultRates(next, date)
}

/** the fields the form shows for a loan type, in screen order */
export function fieldsOf(type: LoanType): FieldName[] {
  return type === 'combined'
    ? ['amount', 'commercialAmount', 'years', 'rate', 'commercialRate']
    : ['amount', 'years', 'rate']
}

/** every field of the form checked; the calculation only when all of them are good */
export function checkForm(
  form: CalculatorForm,
): { ok: true; input: CalculatorInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const take = <T>(field: FieldName, result: Checked<T>): T | undefined => {
    if (result.ok) return result.value
    errors[field] = result.message
    return undefined
  }
  const years = take('years', parseYears(form.years))
  const amount = take('amount', parseWan(form.amount))
  const rate = take('rate', parseRate(form.rate))
  const combined = form.type === 'combined'
  const commercialAmount = combined ? take('commercialAmount', parseWan(form.commercialAmount)) : undefined
  const commercialRate = combined ? take('commercialRate', parseRate(form.commercialRate)) : undefined
  if (years === undefined || amount === undefined || rate === undefined) return { ok: false, errors }
  if (!combined) {
    const kind: LoanKind = form.type === 'commercial' ? 'commercial' : 'fund'
    return { ok: true, input: { type: form.type, years, parts: [{ kind, principalFen: amount, annualRatePpm: rate }] } }
  }
  if (commercialAmount === undefined || commercialRate === undefined) return { ok: false, errors }
  return {
    ok: true,
    input: {
      type: 'combined',
      years,
      parts: [
        { kind: 'fund', principalFen: amount, annualRatePpm: rate },
        { kind: 'commercial', principalFen: commercialAmount, annualRatePpm: commercialRate },
      ],
    },
  }
}

/** the calculator's schedule (shared's exact maths, rounded for display) for one repayment method */
export function computeSchedule(input: CalculatorInput, method: RepaymentMethod): Schedule {
  const months = input.years * 12
  const terms = (part: LoanPart) => ({
    principalFen: part.principalFen,
    annualRatePpm: part.annualRatePpm,
    months,
    method,
  })
  const fund = input.parts.find((p) => p.kind === 'fund')
  const commercial = input.parts.find((p) => p.kind === 'commercial')
  if (input.type === 'combined' && fund && commercial) {
    return buildCombinedSchedule({ fund: terms(fund), commercial: terms(commercial) }, 'calculator')
  }
  const single = input.parts[0]
  if (!single) throw new RangeError('没有贷款金额')
  return buildSchedule(terms(single), 'calculator')
}

/**
 * The detail page's query: integers only (fen, ppm, years), so nothing is lost or re-rounded on
 * the way: `type=fund&method=equalInstallment&years=30&fundFen=25000000&fundRate=31000`.
 */
export function toQuery(input: CalculatorInput, method: RepaymentMethod): string {
  const pairs: [string, string][] = [
    ['type', input.type],
    ['method', method],
    ['years', String(input.years)],
  ]
  for (const part of input.parts) {
    pairs.push([`${part.kind}Fen`, String(part.principalFen)], [`${part.kind}Rate`, String(part.annualRatePpm)])
  }
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
}

const BAD_LINK = '计算参数不完整，请返回房贷计算器重新计算'

function integerParam(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d{1,16}$/.test(text)) return undefined
  const n = Number(text)
  return n >= min && n <= max ? n : undefined
}

/** the detail page's query read back and checked again (a link can be edited or cut short) */
export function fromQuery(
  params: Partial<Record<string, string>>,
): { ok: true; input: CalculatorInput; method: RepaymentMethod } | { ok: false; message: string } {
  const type = LOAN_TYPES.find((t) => t.value === params.type)?.value
  const method = METHODS.find((m) => m.value === params.method)?.value ?? 'equalInstallment'
  const years = integerParam(params.years, MIN_YEARS, MAX_YEARS)
  if (!type || years === undefined) return { ok: false, message: BAD_LINK }
  const kinds: LoanKind[] = type === 'combined' ? ['fund', 'commercial'] : [type]
  const parts: LoanPart[] = []
  for (const kind of kinds) {
    const principalFen = integerParam(params[`${kind}Fen`], 1, MAX_PRINCIPAL_FEN)
    const annualRatePpm = integerParam(params[`${kind}Rate`], 1, MAX_RATE_PPM)
    if (principalFen === undefined || annualRatePpm === undefined) return { ok: false, message: BAD_LINK }
    parts.push({ kind, principalFen, annualRatePpm })
  }
  return { ok: true, input: { type, years, parts }, method }
}
