import * as z from 'zod/mini'
import '../zod-locale'
import {
  archiveCategorySchema,
  closingWithdrawalKindSchema,
  noticeSchema,
  partialLimitsSchema,
  withdrawalKindSchema,
} from '../catalog-schemas'
import { ACCOUNT_STATUS, WITHDRAWAL_BUSINESS } from '../codes'
import { applicationId } from './application'
import { coded, codeSchema, fen, isoDate, maskedIdNumber } from './common'
import { defineOperation, emptyInput } from './contract'

/** 我要提取: the kinds the center opens, with eligibility and limits, and the closing-amount quote */
export const withdrawalKindInfoSchema = z.object({
  kind: withdrawalKindSchema,
  code: codeSchema(WITHDRAWAL_BUSINESS),
  name: z.string(),
  closing: z.boolean(),
  eligible: z.boolean(),
  /** why not, in words the person can act on (null when eligible) */
  ineligibleReason: z.nullable(z.string()),
  /** the most this kind may withdraw now (closing kinds: balance + 销户利息; 0 when not eligible) */
  maxAmountFen: fen,
  /** what else the person should know before choosing it (e.g. a certificate to upload) */
  hint: z.nullable(z.string()),
  /** an application of this kind still in progress (only one at a time) */
  inProgressApplicationId: z.nullable(applicationId),
  notice: noticeSchema,
  archiveCategories: z.array(archiveCategorySchema),
})
export type WithdrawalKindInfo = z.infer<typeof withdrawalKindInfoSchema>

export const listWithdrawalKinds = defineOperation({
  name: 'listWithdrawalKinds',
  method: 'GET',
  path: '/api/withdrawal-kinds',
  audience: 'depositor',
  summary: '我要提取：中心开放的提取业务，每项的办理条件是否满足及可提取金额上限',
  input: emptyInput,
  output: z.object({
    balanceFen: fen,
    accountStatus: coded(codeSchema(ACCOUNT_STATUS)),
    /** the center's limits the form checks as the person types (the server checks them again) */
    limits: partialLimitsSchema,
    kinds: z.array(withdrawalKindInfoSchema),
  }),
})

export const getWithdrawalQuote = defineOperation({
  name: 'getWithdrawalQuote',
  method: 'GET',
  path: '/api/withdrawal-kinds/{kind}/quote',
  audience: 'depositor',
  summary: '销户提取试算：个人账户余额 + 销户利息 = 提取金额合计',
  input: z.strictObject({ kind: closingWithdrawalKindSchema }),
  output: z.object({
    kind: closingWithdrawalKindSchema,
    holderName: z.string(),
    idNumberMasked: maskedIdNumber,
    balanceFen: fen,
    closingInterestFen: fen,
    totalFen: fen,
    /** the interest period: from the later of the last June 30 and the opening date, to today */
    interestFrom: isoDate,
    interestTo: isoDate,
    eligible: z.boolean(),
    ineligibleReason: z.nullable(z.string()),
  }),
})
