import * as z from 'zod/mini'
import '../zod-locale'
import { archiveCategorySchema, loanBusinessKindSchema, noticeSchema } from '../catalog-schemas'
import { ACCOUNT_STATUS } from '../codes'
import { MAX_FEN } from '../money'
import { applicationId } from './application'
import { coded, codeSchema, fen, isoDate, queryInt, ratePpm } from './common'
import { defineOperation, emptyInput } from './contract'
import { planSummarySchema, prepayOptionSchema } from './loan-plan'

export { planSummarySchema, prepayOptionSchema }

/**
 * 贷款业务: 提前还本, 按月抵扣签约, 提前结清. The applications themselves go through
 * createApplication (kind prepayPart / monthlyDeduction / settle); these operations list what is
 * possible and quote the amounts.
 */
export const loanBusinessInfoSchema = z.object({
  kind: loanBusinessKindSchema,
  name: z.string(),
  eligible: z.boolean(),
  ineligibleReason: z.nullable(z.string()),
  inProgressApplicationId: z.nullable(applicationId),
  notice: noticeSchema,
  archiveCategories: z.array(archiveCategorySchema),
})

/** the loan's facts the three pages show (贷款余额, 月供, 剩余期数, 下次还款日, 是否逾期) */
export const loanFactsSchema = z.object({
  loanNo: z.string(),
  status: z.enum(['normal', 'overdue', 'settled']),
  remainingPrincipalFen: fen,
  annualRatePpm: ratePpm,
  repaymentMethodName: z.string(),
  /** 月供 of the next installment */
  paymentFen: fen,
  remainingMonths: z.int().check(z.gte(0)),
  lastDueDate: isoDate,
  nextDueDate: z.nullable(isoDate),
  endDate: isoDate,
  overdue: z.boolean(),
  /** overdue installments with their 罚息 today */
  overdueFen: fen,
  /** 是否按月委托提取 */
  monthlyDeductionSigned: z.boolean(),
})
export type LoanFacts = z.infer<typeof loanFactsSchema>

export const listLoanBusinesses = defineOperation({
  name: 'listLoanBusinesses',
  method: 'GET',
  path: '/api/loan-businesses',
  audience: 'depositor',
  summary: '贷款业务：贷款信息、中心开放的贷款业务、是否可以办理及原因、须知和档案分类',
  input: emptyInput,
  output: z.object({
    /** null: no provident fund loan */
    loan: z.nullable(loanFactsSchema),
    /** 是否按月委托提取: false → 我要签约, true → 取消签约 */
    monthlyDeductionSigned: z.boolean(),
    balanceFen: fen,
    accountStatus: coded(codeSchema(ACCOUNT_STATUS)),
    kinds: z.array(loanBusinessInfoSchema),
  }),
})

export const getPrepayQuote = defineOperation({
  name: 'getPrepayQuote',
  method: 'GET',
  path: '/api/loan/prepay-quote',
  audience: 'depositor',
  summary: '提前还本试算：提前归还利息与本金，期限不变减少月供 / 月供不变缩短期限两种结果对照',
  input: z.strictObject({
    /** 提前还款金额; without it only the loan position and limits are returned */
    amountFen: z.optional(queryInt(1, MAX_FEN, '请输入大于0、最多两位小数的金额')),
  }),
  output: z.object({
    date: isoDate,
    lastDueDate: isoDate,
    nextDueDate: isoDate,
    remainingPrincipalFen: fen,
    remainingMonths: z.int().check(z.gte(0)),
    annualRatePpm: ratePpm,
    /** the loan's position, so the page computes the same quote with shared's maths as the person types */
    method: z.enum(['equalInstallment', 'equalPrincipal']),
    dueDay: z.int().check(z.gte(1), z.lte(31)),
    balanceFen: fen,
    /** one month's payment */
    minAmountFen: fen,
    /** the most that still leaves principal owed (more is 提前结清) */
    maxAmountFen: fen,
    current: planSummarySchema,
    quote: z.nullable(
      z.object({
        days: z.int().check(z.gte(0)),
        /** 提前归还利息 */
        interestFen: fen,
        /** 提前归还本金 */
        principalFen: fen,
        newPrincipalFen: fen,
        keepTerm: prepayOptionSchema,
        keepPayment: prepayOptionSchema,
      }),
    ),
  }),
})

export const getSettleQuote = defineOperation({
  name: 'getSettleQuote',
  method: 'GET',
  path: '/api/loan/settle-quote',
  audience: 'depositor',
  summary: '提前结清试算：应还总额 = 剩余本金 + 上一还款日以来的利息 + 逾期本息及罚息；可支取的公积金上限',
  input: emptyInput,
  output: z.object({
    date: isoDate,
    lastDueDate: isoDate,
    days: z.int().check(z.gte(0)),
    principalFen: fen,
    interestFen: fen,
    /** overdue installments' interest and 罚息 (their principal is in principalFen) */
    overdueFen: fen,
    totalFen: fen,
    balanceFen: fen,
    /** 支取公积金还款金额 may be up to min(balance, total) */
    maxFundAmountFen: fen,
  }),
})
export type PrepayQuote = z.infer<typeof getPrepayQuote.output>
export type SettleQuote = z.infer<typeof getSettleQuote.output>
