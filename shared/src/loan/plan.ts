import type { IsoDate } from '../date'
import { rescheduled } from './prepay'
import type { RatePpm } from './rates'
import { buildSchedule, type RepaymentMethod, type SchedulePeriod } from './schedule'

/**
 * A loan's 还款计划 across its schedule versions. Version 1 is the contract's own schedule, from
 * the loan's terms; each approved 提前还本 adds a version that replaces the periods from the next
 * due date on with the plan the person chose (loan/prepay.ts `rescheduled`: the new principal over
 * the months chosen, its first installment credited with the interest paid with the prepayment).
 * A version stores only its terms, so the periods are always recomputed by the same maths that
 * quoted them.
 */
export interface ScheduleVersion {
  /** 2, 3, … (1 is the contract's own schedule) */
  version: number
  /** the first period number (期次) this version covers; earlier periods keep the versions before */
  fromPeriod: number
  principalFen: number
  months: number
  firstDueDate: IsoDate
  firstCreditFen: number
  /** the China date of the prepayment that made it */
  madeOn: IsoDate
}

export interface LoanPlanTerms {
  method: RepaymentMethod
  annualRatePpm: RatePpm
  /** the contract's principal, months and first due date (version 1) */
  principalFen: number
  months: number
  firstDueDate: IsoDate
  schedules: readonly ScheduleVersion[]
}

/** every period of the loan, numbered on from 1, each from the version in force for it */
export function loanPlan(terms: LoanPlanTerms): SchedulePeriod[] {
  let periods = buildSchedule(
    {
      principalFen: terms.principalFen,
      annualRatePpm: terms.annualRatePpm,
      months: terms.months,
      method: terms.method,
      firstDueDate: terms.firstDueDate,
    },
    'contract',
  ).periods
  for (const v of [...terms.schedules].sort((a, b) => a.version - b.version)) {
    const next = rescheduled(v, terms).periods.map((p) => ({ ...p, period: p.period + v.fromPeriod - 1 }))
    periods = [...periods.slice(0, v.fromPeriod - 1), ...next]
  }
  return periods
}

/** the version number in force: 1 + the versions made by prepayments */
export const scheduleVersionOf = (schedules: readonly ScheduleVersion[]) => schedules.length + 1
