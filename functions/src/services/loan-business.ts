import type { LoanFigures } from '@gjj/shared/api/loan-plan'
import { isOpen, KINDS, LOAN_BUSINESS_KINDS, noticeFor } from '@gjj/shared/catalog'
import { ACCOUNT_STATUS, codeLabel, REPAYMENT_METHOD } from '@gjj/shared/codes'
import { accruedInterest, nextDueDate, planNow, prepayQuote, settlementDue } from '@gjj/shared/loan/prepay'
import { today } from '../lib/clock'
import { coded } from '../lib/codes'
import { AppError, NotFound, RuleViolation, Unauthorized } from '../lib/errors'
import { newId } from '../lib/tokens'
import * as accounts from '../repository/accounts'
import type { ApplicationItem } from '../repository/applications'
import { getDepositorAggregate } from '../repository/depositor-partition'
import * as loans from '../repository/loans'
import type { Write } from '../repository/transaction'
import { currentPlan, positionOf, totalPeriods } from './loan'
import {
  appraiseLoanBusiness,
  evaluateLoanBusiness,
  LOAN_CHANGED,
  type LoanContext,
  type LoanData,
  monthlyPaymentFen,
  NO_LOAN,
  overdueCharges,
  prepaySchedule,
} from './loan-business-rules'
import { policyOf } from './withdrawal-context'
import { categoriesFor } from './withdrawal-rules'

/**
 * 贷款业务, the depositor's view and the approval's bookings: the loan's facts and which of the
 * three businesses may be applied for (one request), the quotes, and — for the application
 * lifecycle in applications.ts — an application's figures and what its approval writes.
 */
interface Owner {
  depositorId: string
  centerCode: string
  accountNo: string
}

/** loads what the loan rules read, once and in parallel; `own`: the application being edited or approved */
export async function loadLoanContext(who: Owner, own?: ApplicationItem): Promise<LoanContext> {
  const on = today()
  const [{ depositor, active }, account, policy] = await Promise.all([
    getDepositorAggregate(who.depositorId),
    accounts.getAccount(who.accountNo),
    policyOf(who.centerCode),
  ])
  if (!depositor) throw new Unauthorized()
  if (!account || account.depositorId !== who.depositorId) throw new NotFound('未查询到您的公积金账户')
  const loanNo = depositor.loanNo
  const [loan, overdue, thisMonth] = loanNo
    ? await Promise.all([
        loans.getLoan(loanNo),
        loans.listOverdue(loanNo),
        loans.repaymentsInMonth(loanNo, on.slice(0, 7)),
      ])
    : [undefined, [], []]
  if (own && active.get(own.kind) === own.id) active.delete(own.kind)
  return {
    depositor,
    account,
    policy,
    loan: loan && loan.depositorId === who.depositorId ? loan : undefined,
    overdue,
    active,
    prepaysThisMonth: thisMonth.filter((r) => r.type === '03').length,
    today: on,
  }
}

function loanFacts(ctx: LoanContext) {
  const loan = ctx.loan as loans.LoanItem
  const periods = currentPlan(loan)
  const settled = loan.status === 'settled'
  const next = settled ? undefined : periods.find((p) => (p.dueDate as string) >= ctx.today)
  return {
    loanNo: loan.loanNo,
    status: loan.status,
    remainingPrincipalFen: loan.remainingPrincipalFen,
    annualRatePpm: loan.annualRatePpm,
    repaymentMethodName: codeLabel(REPAYMENT_METHOD, loan.repaymentMethod),
    paymentFen: next?.paymentFen ?? 0,
    remainingMonths: settled ? 0 : totalPeriods(loan) - loan.paidMonths,
    lastDueDate: loan.lastDueDate,
    nextDueDate: next?.dueDate ?? null,
    endDate: loan.endDate,
    overdue: ctx.overdue.length > 0,
    overdueFen: ctx.overdue.reduce((sum, o) => sum + o.principalFen, 0) + overdueCharges(ctx),
    monthlyDeductionSigned: loan.monthlyDeductionSigned,
  }
}

/** 贷款业务: the loan, and for each business the center opens whether it may be used now and why not */
export async function listLoanBusinesses(session: Owner) {
  const ctx = await loadLoanContext(session)
  return {
    loan: ctx.loan ? loanFacts(ctx) : null,
    monthlyDeductionSigned: ctx.loan?.monthlyDeductionSigned ?? false,
    balanceFen: ctx.account.balanceFen,
    accountStatus: coded(ACCOUNT_STATUS, ctx.account.status),
    kinds: LOAN_BUSINESS_KINDS.filter((k) => isOpen(k, ctx.policy)).map((kind) => {
      const inProgress = ctx.active.get(kind) ?? null
      const e = evaluateLoanBusiness(kind, ctx)
      return {
        kind,
        name: KINDS[kind].name,
        eligible: e.eligible,
        ineligibleReason: e.reason,
        inProgressApplicationId: inProgress,
        notice: noticeFor(kind, ctx.policy),
        archiveCategories: categoriesFor(kind, ctx),
      }
    }),
  }
}

function ownLoan(ctx: LoanContext): loans.LoanItem {
  if (!ctx.loan) throw new NotFound(NO_LOAN)
  if (ctx.loan.status === 'settled') throw new RuleViolation('NOT_ELIGIBLE', '您的贷款已结清，无需办理')
  return ctx.loan
}

/** 提前还本试算: the position (for the page's own maths as the person types) and, with an amount, the quote */
export async function prepayQuoteFor(session: Owner, amountFen: number | undefined) {
  const ctx = await loadLoanContext(session)
  const loan = ownLoan(ctx)
  const position = positionOf(loan)
  const accrued = accruedInterest(position, ctx.today)
  if (!accrued.ok) throw new RuleViolation('NOT_ELIGIBLE', accrued.message)
  const current = planNow(position)
  let quote = null
  if (amountFen !== undefined) {
    const q = prepayQuote(position, amountFen, ctx.today)
    if (!q.ok) throw new RuleViolation('INVALID_AMOUNT', q.message, [{ path: ['amountFen'], message: q.message }])
    const option = (o: typeof q.value.keepTerm) => ({
      choice: o.choice,
      months: o.months,
      paymentFen: o.paymentFen,
      endDate: o.endDate,
      interestFen: o.interestFen,
      interestSavedFen: o.interestSavedFen,
    })
    quote = {
      days: q.value.split.days,
      interestFen: q.value.split.interestFen,
      principalFen: q.value.split.principalFen,
      newPrincipalFen: q.value.split.newPrincipalFen,
      keepTerm: option(q.value.keepTerm),
      keepPayment: option(q.value.keepPayment),
    }
  }
  return {
    date: ctx.today,
    lastDueDate: position.lastDueDate,
    nextDueDate: nextDueDate(position),
    remainingPrincipalFen: position.remainingPrincipalFen,
    remainingMonths: position.remainingMonths,
    annualRatePpm: position.annualRatePpm,
    method: position.method,
    dueDay: loan.repaymentDay,
    balanceFen: ctx.account.balanceFen,
    minAmountFen: current.paymentFen,
    maxAmountFen: position.remainingPrincipalFen + accrued.value.interestFen - 1,
    current: {
      months: current.months,
      paymentFen: current.paymentFen,
      endDate: current.endDate,
      interestFen: current.interestFen,
    },
    quote,
  }
}

/** 提前结清试算: remaining principal + interest since the last due date + overdue interest and 罚息 */
export async function settleQuoteFor(session: Owner) {
  const ctx = await loadLoanContext(session)
  const loan = ownLoan(ctx)
  const due = settlementDue(positionOf(loan), ctx.today)
  if (!due.ok) throw new RuleViolation('NOT_ELIGIBLE', due.message)
  const overdueFen = overdueCharges(ctx)
  const totalFen = due.value.totalFen + overdueFen
  return {
    date: ctx.today,
    lastDueDate: loan.lastDueDate,
    days: due.value.days,
    principalFen: due.value.principalFen,
    interestFen: due.value.interestFen,
    overdueFen,
    totalFen,
    balanceFen: ctx.account.balanceFen,
    maxFundAmountFen: Math.min(ctx.account.balanceFen, totalFen),
  }
}

/* ---- the application lifecycle's hooks (applications.ts) ---- */

/** a loan business's figures for today, checked (create, update, submit) */
export async function appraiseLoanApplication(owner: Owner, data: LoanData, own?: ApplicationItem) {
  const ctx = await loadLoanContext(owner, own)
  return { ctx, figures: appraiseLoanBusiness(data, ctx) }
}

/** the review console's figures: recomputed for today, or why the approval would be refused */
export async function reviewLoanFigures(app: ApplicationItem): Promise<LoanFigures | null> {
  if (KINDS[app.kind].group !== 'loan') return null
  try {
    const ctx = await loadLoanContext(app, app)
    const figures = appraiseLoanBusiness(app.data as LoanData, ctx).loanFigures
    const changed = app.kind !== 'monthlyDeduction' && app.loanVersion != null && ctx.loan?.version !== app.loanVersion
    return changed ? { ...figures, problem: LOAN_CHANGED } : figures
  } catch (e) {
    if (!(e instanceof AppError) || !app.loanFigures) throw e
    return { ...app.loanFigures, date: today(), problem: e.message }
  }
}

export class LoanChangedError extends AppError {
  constructor() {
    super(409, 'LOAN_CHANGED', LOAN_CHANGED)
  }
}

/**
 * What approving a loan business writes besides the workflow's own items, for the approval date:
 * 提前还本 — the fund part debited (个人 11 部分提取, 用途 还贷), the principal down with the chosen
 * plan as a new schedule version, a 03 提前还款 record; 提前结清 — the fund part debited, the loan
 * 结清 with its overdue periods cleared and a 06 结清 record; 按月抵扣签约/取消 — the flag flipped.
 * Each loan write is conditional on the loan's version as read; 提前还本 and 提前结清 also refuse a
 * loan that changed since the application was submitted (its figures were confirmed on that loan).
 */
export async function loanApproval(app: ApplicationItem, at: string) {
  const ctx = await loadLoanContext(app, app)
  const loan = ctx.loan
  if (!loan || loan.status === 'settled') throw new LoanChangedError()
  if (app.kind !== 'monthlyDeduction' && app.loanVersion != null && loan.version !== app.loanVersion) {
    throw new LoanChangedError()
  }
  const data = app.data as LoanData
  const { amountFen, loanFigures } = appraiseLoanBusiness(data, ctx)
  const on = ctx.today
  const account = ctx.account
  const summary = `${KINDS[app.kind].name}（申请 ${app.id}）`
  const effects: Write<accounts.BalanceFailure | loans.LoanChanged>[] = []
  const fundFen = loanFigures.fundFen
  if (fundFen > 0) {
    effects.push(
      accounts.debitBalance(account, fundFen),
      accounts.recordLedgerEntry(account.accountNo, {
        id: newId('L'),
        date: on,
        type: '11',
        amountFen: -fundFen,
        balanceFen: account.balanceFen - fundFen,
        month: null,
        summary: `部分提取（用途：还贷）${summary}`,
      }),
    )
  }
  const source = fundFen > 0 ? ('fund' as const) : ('bank' as const)
  if (data.kind === 'prepayPart') {
    const prepay = loanFigures.prepay as NonNullable<LoanFigures['prepay']>
    const { schedule, endDate } = prepaySchedule(loan, data, on)
    effects.push(
      loans.applyPrepayment(loan, { remainingPrincipalFen: prepay.newPrincipalFen, endDate, schedule }),
      loans.recordRepayment(loan.loanNo, {
        id: newId('R'),
        date: on,
        period: null,
        type: '03',
        principalFen: prepay.principalFen,
        interestFen: prepay.interestFen,
        penaltyFen: 0,
        remainingPrincipalFen: prepay.newPrincipalFen,
        source,
      }),
    )
  } else if (data.kind === 'settle') {
    const settle = loanFigures.settle as NonNullable<LoanFigures['settle']>
    const overdueInterest = ctx.overdue.reduce((sum, o) => sum + o.interestFen, 0)
    effects.push(
      loans.settleLoan(loan, on),
      ...ctx.overdue.map((o) => loans.clearOverdue(loan.loanNo, o.period)),
      loans.recordRepayment(loan.loanNo, {
        id: newId('R'),
        date: on,
        period: null,
        type: '06',
        principalFen: settle.principalFen,
        interestFen: settle.interestFen + overdueInterest,
        penaltyFen: settle.overdueFen - overdueInterest,
        remainingPrincipalFen: 0,
        source,
      }),
    )
  } else {
    effects.push(loans.setMonthlyDeduction(loan, data.action === 'sign', at))
  }
  return {
    set: { amountFen, loanFigures },
    effects,
    detail: {
      loanNo: loan.loanNo,
      loanVersion: loan.version,
      accountNo: account.accountNo,
      fundFen,
      kind: app.kind,
      payment: monthlyPaymentFen(loan),
    },
  }
}
