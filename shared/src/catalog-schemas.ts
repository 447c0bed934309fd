import * as z from 'zod/mini'
import './zod-locale'
import {
  APPLICATION_KINDS,
  type ArchiveCategory,
  CLOSING_WITHDRAWAL_KINDS,
  LOAN_BUSINESS_KINDS,
  MONTHLY_DEDUCTION_ACTIONS,
  type Notice,
  WITHDRAWAL_KINDS,
} from './catalog'

/** The zod schemas of the business catalog (catalog.ts), for the contract and the stored policies. */

export const applicationKindSchema = z.enum(APPLICATION_KINDS, { error: '业务类型不正确' })
export const withdrawalKindSchema = z.enum(WITHDRAWAL_KINDS, { error: '提取业务类型不正确' })
export const loanBusinessKindSchema = z.enum(LOAN_BUSINESS_KINDS, { error: '贷款业务类型不正确' })
export const closingWithdrawalKindSchema = z.enum(CLOSING_WITHDRAWAL_KINDS, {
  error: '只有销户类提取业务可以试算销户金额',
})

/** 按月抵扣签约: 是否按月委托提取 否 → sign (我要签约), 是 → cancel (取消签约) */
export const monthlyDeductionActionSchema = z.enum(MONTHLY_DEDUCTION_ACTIONS)

export const archiveCategorySchema = z.object({
  key: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/)),
  name: z.string().check(z.minLength(1)),
  required: z.boolean(),
  /** the category becomes optional when this holds (离退休: age reached per the ID number) */
  optionalWhen: z.optional(z.enum(['retirementAgeReached'])),
}) satisfies z.ZodMiniType<ArchiveCategory>

export const noticeSchema = z.object({
  title: z.string().check(z.minLength(1)),
  paragraphs: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
}) satisfies z.ZodMiniType<Notice>

const fenLimit = z.int().check(z.positive())

export const centerPolicySchema = z.object({
  /** 显示中心开放的业务 */
  openKinds: z.array(applicationKindSchema),
  /** online applications of this amount or more go to the counter (300,000 元) */
  counterThresholdFen: fenLimit,
  rent: z.object({
    monthlyCapFen: fenLimit,
    maxMonths: z.int().check(z.gte(1)),
    onceEveryMonths: z.int().check(z.gte(0)),
  }),
  propertyFee: z.object({
    maxAmountFen: fenLimit,
    maxMonths: z.int().check(z.gte(1)),
    onceEveryMonths: z.int().check(z.gte(0)),
  }),
  termination: z.object({ minSealedMonths: z.int().check(z.gte(0)) }),
  /** signing needs a balance of at least this many monthly payments */
  monthlyDeduction: z.object({ minBalanceInPayments: z.int().check(z.gte(1)) }),
  prepay: z.object({ maxPerMonth: z.int().check(z.gte(1)) }),
  /** a center's own archive categories or notice for a kind, replacing the catalog's */
  archiveCategories: z.optional(z.partialRecord(applicationKindSchema, z.array(archiveCategorySchema))),
  notices: z.optional(z.partialRecord(applicationKindSchema, noticeSchema)),
})
export type CenterPolicy = z.infer<typeof centerPolicySchema>

/** a center's limits on the partial withdrawals, as the form needs them (a part of its policy) */
export const partialLimitsSchema = z.object({
  counterThresholdFen: z.int(),
  rent: z.object({ monthlyCapFen: z.int(), maxMonths: z.int() }),
  propertyFee: z.object({ maxAmountFen: z.int(), maxMonths: z.int() }),
})
export type PartialLimits = z.infer<typeof partialLimitsSchema>
