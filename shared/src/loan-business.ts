import type { IsoDate } from './date'
import { checkSettleFundAmount, type LoanPosition, type PrepaySplit, splitPrepayment } from './loan/prepay'
import { formatYuan } from './money'
import { type Check, checkAmountFen } from './validation'

/**
 * The amounts of the three loan businesses (贷款业务), checked by one rule on the phone (as the
 * person types) and on the server (create, submit, approve): zod schemas built for the loan's
 * position today, each issue in Chinese on its field.
 *
 * 提前还本: 提前还款金额 > 0, whole fen, ≥ one month's payment, principal part < remaining
 * principal (else 提前结清); 支取公积金 ≤ the balance and ≤ the amount. 提前结清: 支取公积金还款金额
 * ≤ the balance and ≤ the amount due. 按月抵扣签约: a 正常 account holding at least the policy's
 * multiple of the monthly payment.
 */
export interface PrepayContext {
  position: LoanPosition
  balanceFen: number
  date: IsoDate
}

/** the split of a prepayment as checked; null (with the issue) when the amount is refused */
export function checkPrepayAmount(amountFen: number, ctx: PrepayContext): Check<PrepaySplit> {
  const amount = checkAmountFen(amountFen)
  if (!amount.ok) return amount
  return splitPrepayment(ctx.position, amount.value, ctx.date)
}

/** what is wrong with each amount of a form, by field name; none: the amounts may go */
export type AmountIssues = Partial<Record<'amountFen' | 'fundAmountFen', string>>

/** 提前还本: the amount (a split of the loan) and the 支取公积金 part of it (≤ the amount and the balance) */
export function prepayAmountsIssues(v: { amountFen: number; fundAmountFen: number }, ctx: PrepayContext): AmountIssues {
  const issues: AmountIssues = {}
  const split = checkPrepayAmount(v.amountFen, ctx)
  if (!split.ok) issues.amountFen = split.message
  const fund = checkSettleFundAmount(v.fundAmountFen, {
    dueFen: split.ok ? v.amountFen : Number.MAX_SAFE_INTEGER,
    balanceFen: ctx.balanceFen,
    dueLabel: '提前还款金额',
  })
  if (!fund.ok) issues.fundAmountFen = fund.message
  return issues
}

/** 提前结清: the 支取公积金 part of what is due (≤ the due and the balance) */
export function settleAmountsIssues(
  v: { fundAmountFen: number },
  ctx: { dueFen: number; balanceFen: number },
): AmountIssues {
  const fund = checkSettleFundAmount(v.fundAmountFen, ctx)
  return fund.ok ? {} : { fundAmountFen: fund.message }
}

/** 按月抵扣签约: the account is 正常 and holds at least `minBalanceInPayments` monthly payments */
export function checkDeductionSigning(a: {
  accountStatus: string
  balanceFen: number
  paymentFen: number
  minBalanceInPayments: number
}): Check<null> {
  if (a.accountStatus !== '01') return { ok: false, message: '公积金账户状态正常时才能签约按月抵扣' }
  const needFen = a.paymentFen * a.minBalanceInPayments
  if (a.balanceFen < needFen) {
    return {
      ok: false,
      message: `签约需账户余额不少于${a.minBalanceInPayments}期月供（${formatYuan(needFen)}元），当前余额${formatYuan(a.balanceFen)}元`,
    }
  }
  return { ok: true, value: null }
}
