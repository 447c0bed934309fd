import { MIN_REMAINING_BALANCE_FEN } from '@gjj/shared/catalog'
import type { SchedulePeriod } from '@gjj/shared/loan/schedule'
import type { AccountItem } from '../repository/accounts'
import type { LoanItem } from '../repository/loans'

/**
 * The rules of the daily 按月委托提取 (monthly deduction) for one signed loan due on one date: pure,
 * no I/O (decision 58). The period due that day is paid in full: the fund balance pays first, interest
 * before principal, up to what the account can give (a 正常 account keeps 0.01 元, like any partial
 * withdrawal), and the rest is left for the bank card's debit of the due date. So the loan moves one
 * whole period whatever the balance; what differs is who pays it:
 * - `full`: the fund pays the whole payment;
 * - `partial`: the fund pays part, the bank debit the rest;
 * - `noBalance`: the account holds ≤ 0.01 元, the bank debit pays it all;
 * - `accountNotNormal`: the account is not 正常 (封存, 冻结, closed): no withdrawal is allowed from it,
 *   the bank debit pays it all.
 * An overdue loan is deducted like any other for the period due: the overdue periods (with 罚息) are
 * repaid at the counter or by the bank as 逾期还款, not by this job.
 */
export type BookedOutcome = 'full' | 'partial' | 'noBalance' | 'accountNotNormal'

export type Deduction =
  | {
      kind: 'book'
      outcome: BookedOutcome
      period: number
      paymentFen: number
      fund: { principalFen: number; interestFen: number }
      bank: { principalFen: number; interestFen: number }
      /** the loan after the period */
      remainingPrincipalFen: number
      /** the next due date the deduction takes, null: none (the loan is repaid) */
      nextDueDate: string | null
    }
  /** nothing due that day on the current plan (it changed since the loan entered the index): move to the next */
  | { kind: 'move'; nextDueDate: string | null; why: 'noPeriodThatDay' }
  /** no longer signed, or settled: the loan leaves the index */
  | { kind: 'leave'; why: 'notSigned' | 'settled' }

export const NORMAL_ACCOUNT = '01'

/** what the fund can give from this account now (0 unless 正常) */
export function availableFromFund(account: AccountItem | undefined): number {
  if (!account || account.status !== NORMAL_ACCOUNT) return 0
  return Math.max(0, account.balanceFen - MIN_REMAINING_BALANCE_FEN)
}

/** the deduction of the period of `plan` due on `dueDate`, for the loan and its account as read */
export function periodDeduction(
  loan: LoanItem,
  account: AccountItem | undefined,
  plan: readonly SchedulePeriod[],
  dueDate: string,
): Deduction {
  if (loan.status === 'settled') return { kind: 'leave', why: 'settled' }
  if (!loan.monthlyDeductionSigned) return { kind: 'leave', why: 'notSigned' }
  const period = plan.find((p) => p.dueDate === dueDate)
  const next = plan.find((p) => (p.dueDate as string) > dueDate)?.dueDate ?? null
  if (!period) return { kind: 'move', nextDueDate: next, why: 'noPeriodThatDay' }
  if (period.principalFen > loan.remainingPrincipalFen) {
    throw new Error(`loan ${loan.loanNo}: period ${period.period} repays more than the remaining principal`)
  }
  const fundFen = Math.min(period.paymentFen, availableFromFund(account))
  const fundInterest = Math.min(fundFen, period.interestFen)
  const fund = { interestFen: fundInterest, principalFen: fundFen - fundInterest }
  const bank = {
    interestFen: period.interestFen - fund.interestFen,
    principalFen: period.principalFen - fund.principalFen,
  }
  const outcome: BookedOutcome =
    !account || account.status !== NORMAL_ACCOUNT
      ? 'accountNotNormal'
      : fundFen === 0
        ? 'noBalance'
        : fundFen < period.paymentFen
          ? 'partial'
          : 'full'
  return {
    kind: 'book',
    outcome,
    period: period.period,
    paymentFen: period.paymentFen,
    fund,
    bank,
    remainingPrincipalFen: loan.remainingPrincipalFen - period.principalFen,
    nextDueDate: next,
  }
}
