import * as z from 'zod/mini'
import '../zod-locale'
import { monthlyDeductionActionSchema } from '../catalog-schemas'
import { PREPAY_CHOICES } from '../loan/prepay'
import { fen, isoDate } from './common'

/** the plans and figures of the loan businesses, shared by the quotes and the applications */
export const prepayChoice = z.enum(PREPAY_CHOICES, { error: '请选择提前还本后的还款方式' })

export const planSummarySchema = z.object({
  months: z.int().check(z.gte(0)),
  /** regular monthly payment (等额本金: the first, highest one) */
  paymentFen: fen,
  endDate: isoDate,
  /** interest still to pay under this plan (after a prepayment: including the interest paid with it) */
  interestFen: fen,
})

export const prepayOptionSchema = z.extend(planSummarySchema, { choice: prepayChoice, interestSavedFen: z.int() })

/**
 * An application's loan figures for a date: at submission (what the person saw and confirmed) or,
 * in the review console, recomputed for the approval date. `problem` says why they cannot be
 * computed that day (e.g. the next installment fell due first).
 */
export const loanFiguresSchema = z.object({
  date: isoDate,
  loanNo: z.string(),
  remainingPrincipalFen: fen,
  /** 支取公积金 and 自有资金 parts of the money paid (0 for 按月抵扣签约) */
  fundFen: fen,
  ownFen: fen,
  prepay: z.nullable(
    z.object({
      amountFen: fen,
      days: z.int().check(z.gte(0)),
      /** 提前归还利息 */
      interestFen: fen,
      /** 提前归还本金 */
      principalFen: fen,
      newPrincipalFen: fen,
      plan: prepayOptionSchema,
    }),
  ),
  settle: z.nullable(
    z.object({
      days: z.int().check(z.gte(0)),
      principalFen: fen,
      /** interest since the last due date */
      interestFen: fen,
      /** overdue installments' interest and 罚息 */
      overdueFen: fen,
      totalFen: fen,
    }),
  ),
  deduction: z.nullable(
    z.object({ action: monthlyDeductionActionSchema, paymentFen: fen, balanceFen: fen, minBalanceFen: fen }),
  ),
  problem: z.nullable(z.string()),
})
export type LoanFigures = z.infer<typeof loanFiguresSchema>
