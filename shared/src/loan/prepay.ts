import { addMonths, daysBetween, type IsoDate } from '../date'
import { formatYuan } from '../money'
import type { Check } from '../validation'
import { divHalfUp, PPM, toSafeNumber } from './arith'
import type { RatePpm } from './rates'
import {
  buildSchedule,
  type LoanTerms,
  type RepaymentMethod,
  regularPaymentFen,
  type Schedule,
  type ScheduleMode,
} from './schedule'

/**
 * 提前还本 (partial prepayment) and 提前结清 (early settlement).
 *
 * Interest between due dates accrues by day: remaining principal × annual rate / 360 × days since
 * the last due date, rounded half-up to the fen. A prepayment first pays that accrued interest
 * (提前归还利息); the rest (提前归还本金) reduces the principal.
 *
 * After a prepayment the plan is rebuilt on the new principal from the last due date, either
 * keeping the term (lower payment, the default) or keeping the payment (shorter term: the fewest
 * months whose payment is not higher than today's). Because the accrued interest already paid
 * interest for those days, the first installment of the new plan is credited with the part of it
 * that fell on the principal still owed (new principal × rate / 360 × days): it only charges the
 * rest of the month. Interest saved = interest of the current plan − (accrued interest paid now +
 * interest of the new plan).
 */
export interface LoanPosition {
  method: RepaymentMethod
  annualRatePpm: RatePpm
  /** 剩余本金 now */
  remainingPrincipalFen: number
  /** installments not yet due */
  remainingMonths: number
  /** the last due date already passed (the disbursement date before the first installment) */
  lastDueDate: IsoDate
  /** day of month installments fall due (default: the day of lastDueDate); keeps month ends */
  dueDay?: number
}

export interface AccruedInterest {
  /** days since the last due date */
  days: number
  interestFen: number
}

const DAY_COUNT = BigInt(360)

function interestForDays(principalFen: number, ratePpm: RatePpm, days: number): number {
  return toSafeNumber(divHalfUp(BigInt(principalFen) * BigInt(ratePpm) * BigInt(days), DAY_COUNT * PPM))
}

function daysSinceLastDue(position: LoanPosition, date: IsoDate): Check<number> {
  const days = daysBetween(position.lastDueDate, date)
  if (days < 0) return { ok: false, message: '还款日期不能早于上一还款日' }
  if (date >= nextDueDate(position)) return { ok: false, message: '本期月供已到期，请先归还本期月供再办理' }
  return { ok: true, value: days }
}

/** interest accrued on the whole remaining principal from the last due date to `date` */
export function accruedInterest(position: LoanPosition, date: IsoDate): Check<AccruedInterest> {
  const days = daysSinceLastDue(position, date)
  if (!days.ok) return days
  return {
    ok: true,
    value: {
      days: days.value,
      interestFen: interestForDays(position.remainingPrincipalFen, position.annualRatePpm, days.value),
    },
  }
}

export function nextDueDate(position: LoanPosition): IsoDate {
  return addMonths(position.lastDueDate, 1, position.dueDay)
}

function planTerms(position: LoanPosition, principalFen: number, months: number): LoanTerms {
  return {
    principalFen,
    months,
    method: position.method,
    annualRatePpm: position.annualRatePpm,
    firstDueDate: nextDueDate(position),
  }
}

export interface PrepaySplit extends AccruedInterest {
  amountFen: number
  /** 提前归还本金 */
  principalFen: number
  /** 剩余本金 after the prepayment */
  newPrincipalFen: number
}

/**
 * Splits a prepayment and checks it: at least one month's payment (the next installment), more
 * than the accrued interest, and principal less than the remaining principal (else it is 提前结清).
 */
export function splitPrepayment(
  position: LoanPosition,
  amountFen: number,
  date: IsoDate,
  mode: ScheduleMode = 'contract',
): Check<PrepaySplit> {
  const accrued = accruedInterest(position, date)
  if (!accrued.ok) return accrued
  const monthly = regularPaymentFen(planTerms(position, position.remainingPrincipalFen, position.remainingMonths), mode)
  if (!Number.isSafeInteger(amountFen) || amountFen < monthly) {
    return { ok: false, message: `提前还款金额不能少于一期月供 ${formatYuan(monthly)} 元` }
  }
  const principalFen = amountFen - accrued.value.interestFen
  if (principalFen <= 0) return { ok: false, message: '提前还款金额不足以支付应计利息，请提高金额' }
  if (principalFen >= position.remainingPrincipalFen) {
    return { ok: false, message: '提前还款金额已足以还清剩余本金，请办理提前结清' }
  }
  return {
    ok: true,
    value: {
      ...accrued.value,
      amountFen,
      principalFen,
      newPrincipalFen: position.remainingPrincipalFen - principalFen,
    },
  }
}

/** keepTerm: 期限不变、减少月供 (default); keepPayment: 月供不变、缩短期限 */
export const PREPAY_CHOICES = ['keepTerm', 'keepPayment'] as const
export type PrepayChoice = (typeof PREPAY_CHOICES)[number]

export interface PlanSummary {
  months: number
  /** the regular monthly payment (等额本金: the first, highest one) */
  paymentFen: number
  endDate: IsoDate
  /** interest still to pay under this plan (after the prepayment: including the accrued interest paid now) */
  interestFen: number
  schedule: Schedule
}

export interface PrepayOption extends PlanSummary {
  choice: PrepayChoice
  interestSavedFen: number
  /** interest of the first installment already paid with the prepayment (credited on it) */
  firstCreditFen: number
}

/** the terms of a plan made by a prepayment: what a new schedule version stores (loan/plan.ts) */
export interface RescheduleTerms {
  principalFen: number
  months: number
  firstDueDate: IsoDate
  firstCreditFen: number
}

/**
 * The schedule of a plan made by a prepayment: the contract schedule of the new principal over the
 * months chosen from the next due date, its first installment credited with the interest already
 * paid with the prepayment. The quote's options and the stored schedule versions both come from here.
 */
export function rescheduled(
  terms: RescheduleTerms,
  loan: Pick<LoanPosition, 'method' | 'annualRatePpm'>,
  mode: ScheduleMode = 'contract',
): Schedule {
  const schedule = buildSchedule(
    {
      principalFen: terms.principalFen,
      months: terms.months,
      method: loan.method,
      annualRatePpm: loan.annualRatePpm,
      firstDueDate: terms.firstDueDate,
    },
    mode,
  )
  return creditFirstInstallment(schedule, terms.firstCreditFen)
}

export interface PrepayQuote {
  split: PrepaySplit
  current: PlanSummary
  /** 减少月供，期限不变 (the default) */
  keepTerm: PrepayOption
  /** 月供不变，缩短期限 */
  keepPayment: PrepayOption
}

function summarise(position: LoanPosition, schedule: Schedule, paymentFen: number, extraInterestFen = 0): PlanSummary {
  return {
    months: schedule.months,
    paymentFen,
    endDate: addMonths(position.lastDueDate, schedule.months, position.dueDay),
    interestFen: schedule.totalInterestFen + extraInterestFen,
    schedule,
  }
}

/** first installment charges only the rest of the month: credit the interest already paid on it */
function creditFirstInstallment(schedule: Schedule, creditFen: number): Schedule {
  const [first, ...rest] = schedule.periods
  if (!first) return schedule
  const credit = Math.min(creditFen, first.interestFen)
  return {
    ...schedule,
    periods: [{ ...first, interestFen: first.interestFen - credit, paymentFen: first.paymentFen - credit }, ...rest],
    totalInterestFen: schedule.totalInterestFen - credit,
    totalPaymentFen: schedule.totalPaymentFen - credit,
  }
}

/** the fewest months (≤ the current term) whose regular payment is not above `maxPaymentFen` */
function shortestTerm(position: LoanPosition, principalFen: number, maxPaymentFen: number, mode: ScheduleMode): number {
  let lo = 1
  let hi = position.remainingMonths
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (regularPaymentFen(planTerms(position, principalFen, mid), mode) <= maxPaymentFen) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** the plan as it stands (the remaining principal over the remaining months): one month's payment is its paymentFen */
export function planNow(position: LoanPosition, mode: ScheduleMode = 'contract'): PlanSummary {
  const terms = planTerms(position, position.remainingPrincipalFen, position.remainingMonths)
  return summarise(position, buildSchedule(terms, mode), regularPaymentFen(terms, mode))
}

/** 提前还本 试算: the split, today's plan, and both choices side by side */
export function prepayQuote(
  position: LoanPosition,
  amountFen: number,
  date: IsoDate,
  mode: ScheduleMode = 'contract',
): Check<PrepayQuote> {
  const split = splitPrepayment(position, amountFen, date, mode)
  if (!split.ok) return split
  const { newPrincipalFen, interestFen: accruedFen, days } = split.value
  const current = planNow(position, mode)
  const currentPayment = current.paymentFen
  const creditFen = interestForDays(newPrincipalFen, position.annualRatePpm, days)

  const option = (choice: PrepayChoice, months: number): PrepayOption => {
    const terms = planTerms(position, newPrincipalFen, months)
    const schedule = rescheduled(
      { principalFen: newPrincipalFen, months, firstDueDate: terms.firstDueDate as IsoDate, firstCreditFen: creditFen },
      position,
      mode,
    )
    const plan = summarise(position, schedule, regularPaymentFen(terms, mode), accruedFen)
    return { ...plan, choice, firstCreditFen: creditFen, interestSavedFen: current.interestFen - plan.interestFen }
  }
  return {
    ok: true,
    value: {
      split: split.value,
      current,
      keepTerm: option('keepTerm', position.remainingMonths),
      keepPayment: option('keepPayment', shortestTerm(position, newPrincipalFen, currentPayment, mode)),
    },
  }
}

export interface SettlementDue extends AccruedInterest {
  principalFen: number
  /** 应还总额 = remaining principal + accrued interest */
  totalFen: number
}

/** 提前结清: remaining principal + interest accrued since the last due date */
export function settlementDue(position: LoanPosition, date: IsoDate): Check<SettlementDue> {
  const accrued = accruedInterest(position, date)
  if (!accrued.ok) return accrued
  const principalFen = position.remainingPrincipalFen
  return { ok: true, value: { ...accrued.value, principalFen, totalFen: principalFen + accrued.value.interestFen } }
}

/** 支取公积金还款金额 of a settlement: ≤ the balance and ≤ the amount due; 0 = all from own funds */
export function checkSettleFundAmount(
  amountFen: number,
  { dueFen, balanceFen, dueLabel = '应还总额' }: { dueFen: number; balanceFen: number; dueLabel?: string },
): Check<number> {
  if (!Number.isSafeInteger(amountFen)) return { ok: false, message: '金额格式不正确，最多精确到分' }
  if (amountFen < 0) return { ok: false, message: '支取金额不能为负数' }
  if (amountFen > balanceFen)
    return { ok: false, message: `支取金额不能超过公积金账户余额 ${formatYuan(balanceFen)} 元` }
  if (amountFen > dueFen) return { ok: false, message: `支取金额不能超过${dueLabel} ${formatYuan(dueFen)} 元` }
  return { ok: true, value: amountFen }
}
