import { LOAN_DETAIL_TYPE, REPAYMENT_METHOD, REPAYMENT_METHOD_BY_CODE } from '@gjj/shared/codes'
import { overdueDays, penaltyFen } from '@gjj/shared/loan/penalty'
import { loanPlan } from '@gjj/shared/loan/plan'
import type { LoanPosition } from '@gjj/shared/loan/prepay'
import type { SchedulePeriod } from '@gjj/shared/loan/schedule'
import { maskBankCard } from '@gjj/shared/validation'
import { today } from '../lib/clock'
import { coded } from '../lib/codes'
import { NotFound, ValidationFailed } from '../lib/errors'
import * as loans from '../repository/loans'
import type { DepositorSession } from '../repository/sessions'

/** 我的贷款 (manual 4.2): the caller's own loan only, from the session */
const NO_LOAN = '您暂无公积金贷款'

export async function ownLoan(session: DepositorSession, loanNo?: string): Promise<loans.LoanItem> {
  if (loanNo !== undefined && loanNo !== session.loanNo) throw new NotFound(NO_LOAN)
  const loan = session.loanNo ? await loans.getLoan(session.loanNo) : undefined
  if (!loan || loan.depositorId !== session.depositorId) throw new NotFound(NO_LOAN)
  return loan
}

/**
 * The loan's current plan: every period (期次 1…months) with its due date, payment, principal,
 * interest and remaining principal, each from the schedule version in force for it (the contract's
 * own, then the plans chosen at 提前还本). The ONE place the loan's plan is read: 还款计划, 我的贷款's
 * next payment, the loan businesses and the monthly deduction ("the payment due on date D" is the
 * period whose dueDate is D).
 */
export function currentPlan(loan: loans.LoanItem): SchedulePeriod[] {
  const periods = loanPlan({
    method: REPAYMENT_METHOD_BY_CODE[loan.repaymentMethod],
    annualRatePpm: loan.annualRatePpm,
    principalFen: loan.principalFen,
    months: loan.months,
    firstDueDate: loan.firstDueDate,
    schedules: loan.schedules,
  })
  // a settled loan's plan ends with the periods due up to its settlement: the rest is closed
  return loan.settledOn ? periods.filter((p) => (p.dueDate as string) <= (loan.settledOn as string)) : periods
}

/** the number of periods of the plan in force (the contract's months until a 提前还本 shortens it) */
export function totalPeriods(loan: loans.LoanItem): number {
  const last = loan.schedules.at(-1)
  return last ? last.fromPeriod - 1 + last.months : loan.months
}

/** the loan where it stands, for shared's prepayment and settlement maths */
export function positionOf(loan: loans.LoanItem): LoanPosition {
  return {
    method: REPAYMENT_METHOD_BY_CODE[loan.repaymentMethod],
    annualRatePpm: loan.annualRatePpm,
    remainingPrincipalFen: loan.remainingPrincipalFen,
    remainingMonths: totalPeriods(loan) - loan.paidMonths,
    lastDueDate: loan.lastDueDate,
    dueDay: loan.repaymentDay,
  }
}

export function presentOverdue(loan: loans.LoanItem, items: loans.OverdueItem[], on: string) {
  return items.map((o) => {
    const days = overdueDays(o.dueDate, on)
    const penalty = o.penaltyFen + penaltyFen(o.principalFen, loan.annualRatePpm, days)
    return {
      period: o.period,
      dueDate: o.dueDate,
      principalFen: o.principalFen,
      interestFen: o.interestFen,
      penaltyFen: penalty,
      totalFen: o.principalFen + o.interestFen + penalty,
      overdueDays: Math.max(1, days),
    }
  })
}

export async function loanOverview(session: DepositorSession, { loanNo }: { loanNo?: string } = {}) {
  if (!session.loanNo && loanNo === undefined) return { loan: null }
  const [loan, overdueItems] = await Promise.all([ownLoan(session, loanNo), loans.listOverdue(session.loanNo ?? '')])
  const on = today()
  const periods = currentPlan(loan)
  const overdue = presentOverdue(loan, overdueItems, on)
  const next = loan.status === 'settled' ? undefined : periods.find((p) => (p.dueDate as string) >= on)
  const lastDue = periods.filter((p) => (p.dueDate as string) < on).at(-1)
  return {
    loan: {
      loanNo: loan.loanNo,
      contractNo: loan.contractNo,
      status: loan.status,
      principalFen: loan.principalFen,
      remainingPrincipalFen: loan.remainingPrincipalFen,
      annualRatePpm: loan.annualRatePpm,
      repaymentMethod: coded(REPAYMENT_METHOD, loan.repaymentMethod),
      months: periods.length,
      paidMonths: loan.paidMonths,
      remainingMonths: loan.status === 'settled' ? 0 : totalPeriods(loan) - loan.paidMonths,
      disbursedOn: loan.disbursedOn,
      firstDueDate: loan.firstDueDate,
      endDate: loan.endDate,
      repaymentDay: loan.repaymentDay,
      lastDueDate: lastDue?.dueDate ?? loan.disbursedOn,
      nextDueDate: next?.dueDate ?? null,
      nextPaymentFen: next?.paymentFen ?? 0,
      overdueFen: overdue.reduce((sum, o) => sum + o.totalFen, 0),
      overduePeriods: overdue.length,
      monthlyDeductionSigned: loan.monthlyDeductionSigned,
      bankName: loan.bankName,
      bankCardMasked: maskBankCard(loan.bankCardNo),
      houseAddress: loan.houseAddress,
    },
  }
}

type LoanPage = { cursor?: string; limit?: number; loanNo?: string }

export async function repayments(session: DepositorSession, page: LoanPage) {
  const loan = await ownLoan(session, page.loanNo)
  const { items, nextCursor } = await loans.listRepayments(loan.loanNo, {
    cursor: page.cursor,
    limit: page.limit ?? 20,
  })
  return {
    items: items.map((r) => ({
      ...r,
      type: coded(LOAN_DETAIL_TYPE, r.type),
      totalFen: r.principalFen + r.interestFen + r.penaltyFen,
    })),
    nextCursor,
  }
}

/** 还款计划: the plan in force (currentPlan) with each period's state; the cursor is the next period number */
export async function plan(session: DepositorSession, page: LoanPage) {
  const [loan, overdueItems] = await Promise.all([
    ownLoan(session, page.loanNo),
    loans.listOverdue(session.loanNo ?? ''),
  ])
  const periods = currentPlan(loan)
  const from = page.cursor ? Number(page.cursor) : 1
  if (!Number.isInteger(from) || from < 1 || (from > periods.length && page.cursor)) {
    throw new ValidationFailed([{ path: ['cursor'], message: '分页参数无效，请刷新后重试' }])
  }
  const limit = page.limit ?? 12
  const overdue = new Set(overdueItems.map((o) => o.period))
  const on = today()
  const items = periods.slice(from - 1, from - 1 + limit).map((p) => ({
    period: p.period,
    dueDate: p.dueDate as string,
    paymentFen: p.paymentFen,
    principalFen: p.principalFen,
    interestFen: p.interestFen,
    remainingPrincipalFen: p.remainingPrincipalFen,
    status: overdue.has(p.period)
      ? ('overdue' as const)
      : loan.status === 'settled' || (p.dueDate as string) < on
        ? ('paid' as const)
        : ('due' as const),
  }))
  const next = from + limit
  return { items, nextCursor: next <= periods.length ? String(next) : null }
}

export async function overduePeriods(session: DepositorSession, { loanNo }: { loanNo?: string } = {}) {
  const [loan, items] = await Promise.all([ownLoan(session, loanNo), loans.listOverdue(session.loanNo ?? '')])
  const overdue = presentOverdue(loan, items, today())
  return { items: overdue, totalFen: overdue.reduce((sum, o) => sum + o.totalFen, 0) }
}
