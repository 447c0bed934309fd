import * as z from 'zod/mini'
import '../zod-locale'
import { LOAN_DETAIL_TYPE, REPAYMENT_METHOD } from '../codes'
import { coded, codeSchema, fen, id, isoDate, maskedBankCard, page, pagedInput, ratePpm } from './common'
import { defineOperation } from './contract'

/** 我的贷款: the loan, its repayments (贷款还款明细), plan (还款计划) and overdue periods */
export const loanStatus = z.enum(['normal', 'overdue', 'settled'])

export const loanSchema = z.object({
  loanNo: z.string(),
  contractNo: z.string(),
  status: loanStatus,
  principalFen: fen,
  remainingPrincipalFen: fen,
  annualRatePpm: ratePpm,
  repaymentMethod: coded(codeSchema(REPAYMENT_METHOD)),
  months: z.int().check(z.positive()),
  paidMonths: z.int().check(z.gte(0)),
  remainingMonths: z.int().check(z.gte(0)),
  disbursedOn: isoDate,
  firstDueDate: isoDate,
  endDate: isoDate,
  /** day of month installments fall due */
  repaymentDay: z.int().check(z.gte(1), z.lte(31)),
  /** the last due date passed (the disbursement date before the first installment) */
  lastDueDate: isoDate,
  nextDueDate: z.nullable(isoDate),
  nextPaymentFen: fen,
  overdueFen: fen,
  overduePeriods: z.int().check(z.gte(0)),
  /** 是否按月委托提取 (按月抵扣签约) */
  monthlyDeductionSigned: z.boolean(),
  bankName: z.string(),
  bankCardMasked: maskedBankCard,
  houseAddress: z.nullable(z.string()),
})
export type Loan = z.infer<typeof loanSchema>

export const repaymentRecordSchema = z.object({
  id,
  date: isoDate,
  /** 期次 (null for a prepayment or settlement) */
  period: z.nullable(z.int().check(z.positive())),
  type: coded(codeSchema(LOAN_DETAIL_TYPE)),
  principalFen: fen,
  interestFen: fen,
  /** 罚息 */
  penaltyFen: fen,
  totalFen: fen,
  remainingPrincipalFen: fen,
  /** 还款来源: the bank card, or the fund balance (按月委托提取) */
  source: z.enum(['bank', 'fund']),
})

export const planPeriodSchema = z.object({
  period: z.int().check(z.positive()),
  dueDate: isoDate,
  paymentFen: fen,
  principalFen: fen,
  interestFen: fen,
  remainingPrincipalFen: fen,
  status: z.enum(['paid', 'due', 'overdue']),
})

export const overduePeriodSchema = z.object({
  period: z.int().check(z.positive()),
  dueDate: isoDate,
  principalFen: fen,
  interestFen: fen,
  penaltyFen: fen,
  totalFen: fen,
  overdueDays: z.int().check(z.gte(1)),
})

/** optional: the caller's own loan number; any other → 404 (the loan always comes from the session) */
const loanNoInput = { loanNo: z.optional(z.string({ error: '贷款编号不正确' }).check(z.maxLength(32))) }

export const getLoan = defineOperation({
  name: 'getLoan',
  method: 'GET',
  path: '/api/loan',
  audience: 'depositor',
  summary: '我的贷款：贷款账户信息（没有贷款时为 null）',
  input: z.strictObject(loanNoInput),
  output: z.object({ loan: z.nullable(loanSchema) }),
})

export const listRepayments = defineOperation({
  name: 'listRepayments',
  method: 'GET',
  path: '/api/loan/repayments',
  audience: 'depositor',
  summary: '贷款还款明细（分页，新的在前）',
  input: pagedInput(loanNoInput),
  output: page(repaymentRecordSchema),
})

export const listRepaymentPlan = defineOperation({
  name: 'listRepaymentPlan',
  method: 'GET',
  path: '/api/loan/plan',
  audience: 'depositor',
  summary: '还款计划（分页，按期次）',
  input: pagedInput(loanNoInput),
  output: page(planPeriodSchema),
})

export const listOverdue = defineOperation({
  name: 'listOverdue',
  method: 'GET',
  path: '/api/loan/overdue',
  audience: 'depositor',
  summary: '逾期还款明细（没有时为空："您暂无逾期还款记录"）',
  input: z.strictObject(loanNoInput),
  output: z.object({ items: z.array(overduePeriodSchema), totalFen: fen }),
})
