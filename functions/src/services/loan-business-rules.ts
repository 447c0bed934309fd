import type { ApplicationData } from '@gjj/shared/api/application'
import type { LoanFigures } from '@gjj/shared/api/loan-plan'
import { type ApplicationKind, type CenterPolicy, isOpen, KINDS, type LoanBusinessKind } from '@gjj/shared/catalog'
import type { IsoDate } from '@gjj/shared/date'
import type { ScheduleVersion } from '@gjj/shared/loan/plan'
import { accruedInterest, nextDueDate, planNow, prepayQuote, settlementDue } from '@gjj/shared/loan/prepay'
import { checkDeductionSigning } from '@gjj/shared/loan-business'
import { prepayAmountsSchema, settleAmountsSchema } from '@gjj/shared/loan-business-schemas'
import type * as z from 'zod/mini'
import { type FieldIssue, RuleViolation } from '../lib/errors'
import type { AccountItem } from '../repository/accounts'
import type { DepositorItem } from '../repository/depositors'
import type { LoanItem, OverdueItem } from '../repository/loans'
import { positionOf, presentOverdue } from './loan'
import { IN_PROGRESS } from './withdrawal-rules'

/**
 * 贷款业务 as rules (BUSINESS-RULES "Loan business"): whether 提前还本, 按月抵扣签约/取消 and
 * 提前结清 may be applied for now and why not, an application's figures for a date, and what its
 * approval books. Pure functions over a context loaded once (loan-business.ts); the maths is
 * shared's (loan/prepay.ts, loan/plan.ts) and the amount checks are shared's zod schemas
 * (loan-business.ts), the same the pages run as the person types.
 */
export interface LoanContext {
  depositor: DepositorItem
  account: AccountItem
  policy: CenterPolicy
  /** the own center's loan (undefined: none) */
  loan: LoanItem | undefined
  overdue: OverdueItem[]
  /** kind → the application of it in progress (the loan businesses share one lock) */
  active: Map<ApplicationKind, string>
  /** 提前还本 approved this China month */
  prepaysThisMonth: number
  today: IsoDate
}

export const NO_LOAN = '您暂无公积金贷款'
export const LOAN_CHANGED = '提交后贷款已发生变化（有新的还款或其他业务已办结），请退回申请人核对后重新提交'

export interface LoanEvaluation {
  eligible: boolean
  reason: string | null
}

const no = (reason: string): LoanEvaluation => ({ eligible: false, reason })
const yes: LoanEvaluation = { eligible: true, reason: null }

/** the overdue installments with their 罚息 today: interest + penalty (their principal is still owed) */
export function overdueCharges(ctx: Pick<LoanContext, 'loan' | 'overdue' | 'today'>) {
  if (!ctx.loan) return 0
  return presentOverdue(ctx.loan, ctx.overdue, ctx.today).reduce((sum, o) => sum + o.interestFen + o.penaltyFen, 0)
}

/** one month's payment as the loan stands (the next installment of the plan rebuilt from today's position) */
export function monthlyPaymentFen(loan: LoanItem): number {
  const position = positionOf(loan)
  return position.remainingMonths > 0 ? planNow(position).paymentFen : 0
}

/** whether a loan business may be applied for now; `regardless` of the person's own application in progress */
export function evaluateLoanBusiness(kind: LoanBusinessKind, ctx: LoanContext): LoanEvaluation {
  const { loan } = ctx
  if (!isOpen(kind, ctx.policy)) return no('本中心暂未开放此项业务')
  if (!loan) return no(NO_LOAN)
  if (loan.status === 'settled') return no('您的贷款已结清，无需办理')
  if (ctx.active.has(kind)) return no(IN_PROGRESS)
  const other = [...ctx.active.keys()].find((k) => KINDS[k].group === 'loan')
  if (other) return no(`您的贷款有正在办理的${KINDS[other].name}业务，办结或结束流程后才能办理${KINDS[kind].name}`)
  const position = positionOf(loan)
  if (kind === 'monthlyDeduction') {
    if (loan.monthlyDeductionSigned) return yes // 取消签约
    const check = checkDeductionSigning({
      accountStatus: ctx.account.status,
      balanceFen: ctx.account.balanceFen,
      paymentFen: monthlyPaymentFen(loan),
      minBalanceInPayments: ctx.policy.monthlyDeduction.minBalanceInPayments,
    })
    return check.ok ? yes : no(check.message)
  }
  if (kind === 'prepayPart') {
    if (ctx.overdue.length > 0) return no('您的贷款有逾期未还的月供，请先归还逾期款项再办理提前还本')
    if (ctx.prepaysThisMonth >= ctx.policy.prepay.maxPerMonth) {
      return no(`提前还本每月最多办理${ctx.policy.prepay.maxPerMonth}次，本月已办理，请下月再办理`)
    }
    if (position.remainingMonths <= 1) return no('您的贷款仅剩最后一期，请办理提前结清')
  }
  const accrued = accruedInterest(position, ctx.today)
  if (!accrued.ok) return no(accrued.message)
  return yes
}

const invalid = (issues: z.core.$ZodIssue[]) => {
  const list: FieldIssue[] = issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))
  return new RuleViolation('INVALID_AMOUNT', list[0]?.message ?? '金额不正确', list)
}

export interface LoanAppraisal {
  amountFen: number | null
  loanFigures: LoanFigures
  loanVersion: number
}

export type LoanData = Extract<ApplicationData, { kind: LoanBusinessKind }>

/**
 * An application's figures for `ctx.today`, checked against the rules: the split and the chosen
 * plan (提前还本), the amount due (提前结清), the signing condition (按月抵扣签约). Throws the
 * refusal (422) with the reason on its field.
 */
export function appraiseLoanBusiness(data: LoanData, ctx: LoanContext): LoanAppraisal {
  const e = evaluateLoanBusiness(data.kind, ctx)
  if (!e.eligible) throw new RuleViolation('NOT_ELIGIBLE', e.reason as string)
  const loan = ctx.loan as LoanItem
  const position = positionOf(loan)
  const base = {
    date: ctx.today,
    loanNo: loan.loanNo,
    remainingPrincipalFen: loan.remainingPrincipalFen,
    prepay: null,
    settle: null,
    deduction: null,
    problem: null,
  }
  if (data.kind === 'prepayPart') {
    const checked = prepayAmountsSchema({ position, balanceFen: ctx.account.balanceFen, date: ctx.today }).safeParse({
      amountFen: data.amountFen,
      fundAmountFen: data.fundAmountFen,
    })
    if (!checked.success) throw invalid(checked.error.issues)
    const quote = prepayQuote(position, data.amountFen, ctx.today)
    if (!quote.ok)
      throw new RuleViolation('INVALID_AMOUNT', quote.message, [{ path: ['amountFen'], message: quote.message }])
    const { split } = quote.value
    const option = quote.value[data.choice]
    return {
      amountFen: data.amountFen,
      loanVersion: loan.version,
      loanFigures: {
        ...base,
        fundFen: data.fundAmountFen,
        ownFen: data.amountFen - data.fundAmountFen,
        prepay: {
          amountFen: data.amountFen,
          days: split.days,
          interestFen: split.interestFen,
          principalFen: split.principalFen,
          newPrincipalFen: split.newPrincipalFen,
          plan: {
            choice: option.choice,
            months: option.months,
            paymentFen: option.paymentFen,
            endDate: option.endDate,
            interestFen: option.interestFen,
            interestSavedFen: option.interestSavedFen,
          },
        },
      },
    }
  }
  if (data.kind === 'settle') {
    const due = settlementDue(position, ctx.today)
    if (!due.ok) throw new RuleViolation('NOT_ELIGIBLE', due.message)
    const overdueFen = overdueCharges(ctx)
    const totalFen = due.value.totalFen + overdueFen
    const checked = settleAmountsSchema({ dueFen: totalFen, balanceFen: ctx.account.balanceFen }).safeParse({
      fundAmountFen: data.fundAmountFen,
    })
    if (!checked.success) throw invalid(checked.error.issues)
    if (data.fundAmountFen > 0 && ctx.account.status !== '01') {
      throw new RuleViolation(
        'NOT_ELIGIBLE',
        '公积金账户状态正常时才能支取公积金还款，可将支取金额填为0，全部以自有资金还款',
        [{ path: ['fundAmountFen'], message: '公积金账户状态不正常，不能支取' }],
      )
    }
    return {
      amountFen: data.fundAmountFen,
      loanVersion: loan.version,
      loanFigures: {
        ...base,
        fundFen: data.fundAmountFen,
        ownFen: totalFen - data.fundAmountFen,
        settle: {
          days: due.value.days,
          principalFen: due.value.principalFen,
          interestFen: due.value.interestFen,
          overdueFen,
          totalFen,
        },
      },
    }
  }
  const signed = loan.monthlyDeductionSigned
  if (data.action === 'sign' && signed) throw new RuleViolation('NOT_ELIGIBLE', '您已签约按月抵扣，可办理取消签约')
  if (data.action === 'cancel' && !signed) throw new RuleViolation('NOT_ELIGIBLE', '您尚未签约按月抵扣，无需取消')
  const paymentFen = monthlyPaymentFen(loan)
  return {
    amountFen: null,
    loanVersion: loan.version,
    loanFigures: {
      ...base,
      fundFen: 0,
      ownFen: 0,
      deduction: {
        action: data.action,
        paymentFen,
        balanceFen: ctx.account.balanceFen,
        minBalanceFen: paymentFen * ctx.policy.monthlyDeduction.minBalanceInPayments,
      },
    },
  }
}

/** the new schedule version an approved 提前还本 writes: the chosen plan, recomputed for the approval date */
export function prepaySchedule(
  loan: LoanItem,
  data: Extract<LoanData, { kind: 'prepayPart' }>,
  on: IsoDate,
): { schedule: ScheduleVersion; endDate: IsoDate } {
  const position = positionOf(loan)
  const quote = prepayQuote(position, data.amountFen, on)
  if (!quote.ok) throw new RuleViolation('INVALID_AMOUNT', quote.message)
  const option = quote.value[data.choice]
  return {
    endDate: option.endDate,
    schedule: {
      version: loan.schedules.length + 2,
      fromPeriod: loan.paidMonths + 1,
      principalFen: quote.value.split.newPrincipalFen,
      months: option.months,
      firstDueDate: nextDueDate(position),
      firstCreditFen: option.firstCreditFen,
      madeOn: on,
    },
  }
}
