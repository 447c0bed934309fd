import { type IsoDate, monthlyDates } from '../date'
import { MAX_FEN } from '../money'
import { assertInteger, divHalfUp, ONE, PPM, powBig, toSafeNumber, ZERO } from './arith'
import { MAX_RATE_PPM, type RatePpm } from './rates'

/**
 * Repayment schedules (还款计划) for 等额本息 (equalInstallment) and 等额本金 (equalPrincipal).
 *
 * Monthly rate r = annual rate / 12. 等额本息: payment A = P·r·(1+r)^n / ((1+r)^n − 1); each month
 * interest = remaining × r, principal = A − interest. 等额本金: principal P / n each month,
 * interest = remaining × r.
 *
 * Two modes:
 * - `contract`: a real loan. Every period is rounded half-up to the fen (A itself, each month's
 *   interest, P/n) and the last period takes whatever principal remains, so the principal parts
 *   add up to P exactly and the remaining principal ends at 0.
 * - `calculator`: the exact maths, rounded only for display. Internally amounts are integers of
 *   1/(n · 12,000,000 · 10^9) fen: P/n and every 等额本金 interest are exact in that unit, and
 *   等额本息 carries 10^-9 fen or finer through all periods. Each displayed figure is rounded
 *   half-up on its own, so payment may differ from principal + interest by 1 fen on screen.
 *   Totals are rounded once from the exact sums.
 *
 * All maths is BigInt on integers: no floating point touches an amount.
 */
export type RepaymentMethod = 'equalInstallment' | 'equalPrincipal'
export type ScheduleMode = 'calculator' | 'contract'

export interface LoanTerms {
  principalFen: number
  annualRatePpm: RatePpm
  months: number
  method: RepaymentMethod
  /** when given, every period carries its due date: this one, then the same day each month (clamped) */
  firstDueDate?: IsoDate
}

export interface SchedulePeriod {
  /** 1-based period number (期次) */
  period: number
  dueDate?: IsoDate
  /** 月供 */
  paymentFen: number
  /** 月供本金 */
  principalFen: number
  /** 月供利息 */
  interestFen: number
  /** 剩余本金 after this period */
  remainingPrincipalFen: number
  /** 剩余应还本息: the payments of all later periods */
  remainingPayableFen: number
}

export interface ScheduleTotals {
  /** 总贷款 */
  principalFen: number
  /** 总还款 */
  totalPaymentFen: number
  /** 总利息 */
  totalInterestFen: number
  /** 贷款月数 */
  months: number
}

export interface Schedule extends ScheduleTotals {
  mode: ScheduleMode
  periods: SchedulePeriod[]
}

export const MAX_MONTHS = 600

/** 12 months × 1,000,000 ppm: monthly interest = remaining × ratePpm / MONTHLY_DENOMINATOR */
const MONTHLY_DENOMINATOR = BigInt(12) * PPM
const CALCULATOR_EXTRA_DIGITS = powBig(BigInt(10), 9)

function checkTerms({ principalFen, annualRatePpm, months }: LoanTerms): void {
  assertInteger('principalFen', principalFen, 1, MAX_FEN)
  assertInteger('annualRatePpm', annualRatePpm, 0, MAX_RATE_PPM)
  assertInteger('months', months, 1, MAX_MONTHS)
}

/** units per fen: 1 for a contract, a fine exact grid for the calculator */
function unitsPerFen(mode: ScheduleMode, months: number): bigint {
  return mode === 'contract' ? ONE : BigInt(months) * MONTHLY_DENOMINATOR * CALCULATOR_EXTRA_DIGITS
}

function monthlyInterest(remaining: bigint, ratePpm: bigint): bigint {
  return divHalfUp(remaining * ratePpm, MONTHLY_DENOMINATOR)
}

/** 等额本息 payment in units: P·r·(1+r)^n / ((1+r)^n − 1) with r = ppm / D, as one exact fraction */
function equalInstallmentPayment(principal: bigint, ratePpm: bigint, months: number): bigint {
  const n = BigInt(months)
  if (ratePpm === ZERO) return divHalfUp(principal, n)
  const grown = powBig(MONTHLY_DENOMINATOR + ratePpm, months)
  const base = powBig(MONTHLY_DENOMINATOR, months)
  return divHalfUp(principal * ratePpm * grown, MONTHLY_DENOMINATOR * (grown - base))
}

interface UnitPeriod {
  payment: bigint
  principal: bigint
  interest: bigint
  remaining: bigint
}

function periodsInUnits(terms: LoanTerms, scale: bigint): UnitPeriod[] {
  const ratePpm = BigInt(terms.annualRatePpm)
  const n = terms.months
  let remaining = BigInt(terms.principalFen) * scale
  const regular =
    terms.method === 'equalInstallment'
      ? equalInstallmentPayment(remaining, ratePpm, n)
      : divHalfUp(remaining, BigInt(n))
  const out: UnitPeriod[] = []
  for (let k = 1; k <= n; k++) {
    const interest = monthlyInterest(remaining, ratePpm)
    let principal = remaining
    if (k < n) {
      const wanted = terms.method === 'equalInstallment' ? regular - interest : regular
      principal = wanted < ZERO ? ZERO : wanted > remaining ? remaining : wanted
    }
    remaining -= principal
    out.push({ payment: principal + interest, principal, interest, remaining })
  }
  return out
}

export function buildSchedule(terms: LoanTerms, mode: ScheduleMode = 'calculator'): Schedule {
  checkTerms(terms)
  const scale = unitsPerFen(mode, terms.months)
  const units = periodsInUnits(terms, scale)
  const fen = (value: bigint) => toSafeNumber(divHalfUp(value, scale))
  const dueDates = terms.firstDueDate ? monthlyDates(terms.firstDueDate, terms.months) : undefined

  const periods: SchedulePeriod[] = new Array(units.length)
  let later = ZERO
  let totalInterest = ZERO
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i] as UnitPeriod
    periods[i] = {
      period: i + 1,
      ...(dueDates ? { dueDate: dueDates[i] } : {}),
      paymentFen: fen(u.payment),
      principalFen: fen(u.principal),
      interestFen: fen(u.interest),
      remainingPrincipalFen: fen(u.remaining),
      remainingPayableFen: fen(later),
    }
    later += u.payment
    totalInterest += u.interest
  }
  const totalInterestFen = fen(totalInterest)
  return {
    mode,
    periods,
    principalFen: terms.principalFen,
    totalPaymentFen: terms.principalFen + totalInterestFen,
    totalInterestFen,
    months: terms.months,
  }
}

/**
 * The regular monthly payment without building the schedule: 等额本息 the constant payment,
 * 等额本金 the first (highest) payment; the same figure as buildSchedule(terms, mode).periods[0].
 */
export function regularPaymentFen(terms: LoanTerms, mode: ScheduleMode = 'contract'): number {
  checkTerms(terms)
  const scale = unitsPerFen(mode, terms.months)
  const principal = BigInt(terms.principalFen) * scale
  const ratePpm = BigInt(terms.annualRatePpm)
  const payment =
    terms.method === 'equalInstallment'
      ? equalInstallmentPayment(principal, ratePpm, terms.months)
      : divHalfUp(principal, BigInt(terms.months)) + monthlyInterest(principal, ratePpm)
  return toSafeNumber(divHalfUp(payment, scale))
}

const emptyPeriod = (period: number): SchedulePeriod => ({
  period,
  paymentFen: 0,
  principalFen: 0,
  interestFen: 0,
  remainingPrincipalFen: 0,
  remainingPayableFen: 0,
})

/**
 * 组合贷款: two schedules (the provident fund part and the commercial part, each at its own
 * rate) summed month by month, as shown. A part that ends earlier contributes nothing afterwards.
 */
export function combineSchedules(fund: Schedule, commercial: Schedule): Schedule {
  if (fund.mode !== commercial.mode) throw new RangeError('组合贷款的两部分必须用同一种计算方式')
  const months = Math.max(fund.months, commercial.months)
  const periods: SchedulePeriod[] = []
  for (let i = 0; i < months; i++) {
    const a = fund.periods[i] ?? emptyPeriod(i + 1)
    const b = commercial.periods[i] ?? emptyPeriod(i + 1)
    const dueDate = a.dueDate ?? b.dueDate
    periods.push({
      period: i + 1,
      ...(dueDate ? { dueDate } : {}),
      paymentFen: a.paymentFen + b.paymentFen,
      principalFen: a.principalFen + b.principalFen,
      interestFen: a.interestFen + b.interestFen,
      remainingPrincipalFen: a.remainingPrincipalFen + b.remainingPrincipalFen,
      remainingPayableFen: a.remainingPayableFen + b.remainingPayableFen,
    })
  }
  return {
    mode: fund.mode,
    periods,
    principalFen: fund.principalFen + commercial.principalFen,
    totalPaymentFen: fund.totalPaymentFen + commercial.totalPaymentFen,
    totalInterestFen: fund.totalInterestFen + commercial.totalInterestFen,
    months,
  }
}

export interface CombinedLoanTerms {
  fund: LoanTerms
  commercial: LoanTerms
}

export function buildCombinedSchedule(
  { fund, commercial }: CombinedLoanTerms,
  mode: ScheduleMode = 'calculator',
): Schedule {
  return combineSchedules(buildSchedule(fund, mode), buildSchedule(commercial, mode))
}

/** 计算器明细 grouped by year: 第1年 = periods 1–12, 第2年 = 13–24, … */
export function groupByYear(periods: readonly SchedulePeriod[]): { year: number; periods: SchedulePeriod[] }[] {
  const years: { year: number; periods: SchedulePeriod[] }[] = []
  for (const p of periods) {
    const year = Math.ceil(p.period / 12)
    const last = years[years.length - 1]
    if (last && last.year === year) last.periods.push(p)
    else years.push({ year, periods: [p] })
  }
  return years
}
