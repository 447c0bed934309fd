import { LOAN_DETAIL_TYPE, REPAYMENT_METHOD, REPAYMENT_METHOD_BY_CODE } from '@gjj/shared/codes'
import { overdueDays, penaltyFen } from '@gjj/shared/loan/penalty'
import { buildSchedule, type SchedulePeriod } from '@gjj/shared/loan/schedule'
import { maskBankCard } from '@gjj/shared/validation'
import { today } from '../lib/clock'
import { coded } from '../lib/codes'
import { NotFound, ValidationFailed } from '../lib/errors'
import * as loans from '../repository/loans'
import type { DepositorSession } from '../repository/sessions'

/** 我的贷款 (manual 4.2): the caller's own loan only, from the session */
const NO_LOAN = '您暂无公积金贷款'

async function ownLoan(session: DepositorSession, loanNo?: string): Promise<loans.LoanItem> {
  if (loanNo !== undefined && loanNo !== session.loanNo) throw new NotFound(NO_LOAN)
  const loan = session.loanNo ? await loans.getLoan(session.loanNo) : undefined
  if (!loan || loan.depositorId !== session.depositorId) throw new NotFound(NO_LOAN)
  return loan
}

/**
 * The loan's current plan (还款计划): each period's due date, payment, principal and interest. The ONE
 * place every reader of the plan goes through — 我的贷款, 还款计划 and the monthly deduction (the
 * payment due on a date). Today it is the contract schedule; a loan business that replaces the
 * schedule (提前还本) changes only this function.
 */
export function currentPlan(loan: loans.LoanItem): SchedulePeriod[] {
  return buildSchedule(
    {
      principalFen: loan.principalFen,
      annualRatePpm: loan.annualRatePpm,
      months: loan.months,
      method: REPAYMENT_METHOD_BY_CODE[loan.repaymentMethod],
      firstDueDate: loan.firstDueDate,
    },
    'contract',
  ).periods
}

function presentOverdue(loan: loans.LoanItem, items: loans.OverdueItem[], on: string) {
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
      months: loan.months,
      paidMonths: loan.paidMonths,
      remainingMonths: loan.months - loan.paidMonths,
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

/** 还款计划: the contract schedule with each period's state; the cursor is the next period number */
export async function plan(session: DepositorSession, page: LoanPage) {
  const [loan, overdueItems] = await Promise.all([
    ownLoan(session, page.loanNo),
    loans.listOverdue(session.loanNo ?? ''),
  ])
  const from = page.cursor ? Number(page.cursor) : 1
  if (!Number.isInteger(from) || from < 1 || from > loan.months) {
    throw new ValidationFailed([{ path: ['cursor'], message: '分页参数无效，请刷新后重试' }])
  }
  const limit = page.limit ?? 12
  const overdue = new Set(overdueItems.map((o) => o.period))
  const on = today()
  const items = currentPlan(loan)
    .slice(from - 1, from - 1 + limit)
    .map((p) => ({
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
  return { items, nextCursor: next <= loan.months ? String(next) : null }
}

export async function overduePeriods(session: DepositorSession, { loanNo }: { loanNo?: string } = {}) {
  const [loan, items] = await Promise.all([ownLoan(session, loanNo), loans.listOverdue(session.loanNo ?? '')])
  const overdue = presentOverdue(loan, items, today())
  return { items: overdue, totalFen: overdue.reduce((sum, o) => sum + o.totalFen, 0) }
}
