import { z } from 'zod'
import { archiveCategorySchema, loanBusinessKindSchema, noticeSchema } from '../catalog'
import { MAX_FEN } from '../money'
import { applicationId, prepayChoice } from './application'
import { fen, isoDate, queryInt, ratePpm } from './common'
import { defineOperation, emptyInput } from './contract'

/**
 * 贷款业务: 提前还本, 按月抵扣签约, 提前结清. The applications themselves go through
 * createApplication (kind prepayPart / monthlyDeduction / settle); these operations list what is
 * possible and quote the amounts.
 */
export const loanBusinessInfoSchema = z.object({
  kind: loanBusinessKindSchema,
  name: z.string(),
  eligible: z.boolean(),
  ineligibleReason: z.string().nullable(),
  inProgressApplicationId: applicationId.nullable(),
  notice: noticeSchema,
  archiveCategories: z.array(archiveCategorySchema),
})

export const listLoanBusinesses = defineOperation({
  name: 'listLoanBusinesses',
  method: 'GET',
  path: '/api/loan-businesses',
  audience: 'depositor',
  summary: '贷款业务：中心开放的贷款业务、是否可以办理、须知和档案分类',
  input: emptyInput,
  output: z.object({
    /** 是否按月委托提取: false → 我要签约, true → 取消签约 */
    monthlyDeductionSigned: z.boolean(),
    kinds: z.array(loanBusinessInfoSchema),
  }),
})

export const planSummarySchema = z.object({
  months: z.int().min(0),
  /** regular monthly payment (等额本金: the first, highest one) */
  paymentFen: fen,
  endDate: isoDate,
  /** interest still to pay under this plan (after a prepayment: including the interest paid with it) */
  interestFen: fen,
})

export const prepayOptionSchema = planSummarySchema.extend({ choice: prepayChoice, interestSavedFen: z.int() })

export const getPrepayQuote = defineOperation({
  name: 'getPrepayQuote',
  method: 'GET',
  path: '/api/loan/prepay-quote',
  audience: 'depositor',
  summary: '提前还本试算：提前归还利息与本金，期限不变减少月供 / 月供不变缩短期限两种结果对照',
  input: z.strictObject({
    /** 提前还款金额; without it only the loan position and limits are returned */
    amountFen: queryInt(1, MAX_FEN).optional(),
  }),
  output: z.object({
    date: isoDate,
    lastDueDate: isoDate,
    nextDueDate: isoDate,
    remainingPrincipalFen: fen,
    remainingMonths: z.int().min(0),
    annualRatePpm: ratePpm,
    /** one month's payment */
    minAmountFen: fen,
    /** the most that still leaves principal owed (more is 提前结清) */
    maxAmountFen: fen,
    current: planSummarySchema,
    quote: z
      .object({
        days: z.int().min(0),
        /** 提前归还利息 */
        interestFen: fen,
        /** 提前归还本金 */
        principalFen: fen,
        newPrincipalFen: fen,
        keepTerm: prepayOptionSchema,
        keepPayment: prepayOptionSchema,
      })
      .nullable(),
  }),
})

export const getSettleQuote = defineOperation({
  name: 'getSettleQuote',
  method: 'GET',
  path: '/api/loan/settle-quote',
  audience: 'depositor',
  summary: '提前结清试算：应还总额 = 剩余本金 + 上一还款日以来的利息；可支取的公积金上限',
  input: emptyInput,
  output: z.object({
    date: isoDate,
    lastDueDate: isoDate,
    days: z.int().min(0),
    principalFen: fen,
    interestFen: fen,
    totalFen: fen,
    balanceFen: fen,
    /** 支取公积金还款金额 may be up to min(balance, total) */
    maxFundAmountFen: fen,
  }),
})
