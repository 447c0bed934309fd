import * as z from 'zod/mini'
import '../zod-locale'
import { ACCOUNT_STATUS, PERSONAL_DETAIL_TYPE } from '../codes'
import { coded, codeSchema, fen, id, isoDate, page, pagedInput, queryInt, signedFen, yearMonth } from './common'
import { defineOperation } from './contract'

/** 公积金账户查询: the account and its deposit history (缴存明细), newest first */
export const accountSchema = z.object({
  accountNo: z.string(),
  status: coded(codeSchema(ACCOUNT_STATUS)),
  balanceFen: fen,
  openedOn: isoDate,
  employerName: z.string(),
  /** 缴存基数 */
  depositBaseFen: fen,
  /** 月缴存额 = 个人 + 单位 */
  monthlyDepositFen: fen,
  personalMonthlyFen: fen,
  employerMonthlyFen: fen,
  /** 缴至年月 */
  paidUpTo: z.nullable(yearMonth),
  /** 封存日期 (status 02) */
  sealedOn: z.nullable(isoDate),
})
export type Account = z.infer<typeof accountSchema>

export const depositEntrySchema = z.object({
  id,
  date: isoDate,
  type: coded(codeSchema(PERSONAL_DETAIL_TYPE)),
  /** + in, − out */
  amountFen: signedFen,
  balanceFen: fen,
  /** 汇缴/补缴年月 */
  month: z.nullable(yearMonth),
  summary: z.nullable(z.string()),
})
export type DepositEntry = z.infer<typeof depositEntrySchema>

const historyFields = {
  /** optional: the caller's own account number; any other → 404 (the account always comes from the session) */
  accountNo: z.optional(z.string({ error: '个人账号不正确' }).check(z.maxLength(32))),
  /** only this calendar year */
  year: z.optional(queryInt(1990, 2100, '年份应在1990到2100之间')),
}

export const getAccount = defineOperation({
  name: 'getAccount',
  method: 'GET',
  path: '/api/account',
  audience: 'depositor',
  summary: '公积金账户信息及第一页缴存明细',
  input: pagedInput(historyFields),
  output: z.object({ account: accountSchema, history: page(depositEntrySchema) }),
})

export const listDepositHistory = defineOperation({
  name: 'listDepositHistory',
  method: 'GET',
  path: '/api/account/history',
  audience: 'depositor',
  summary: '缴存明细（分页，新的在前）',
  input: pagedInput(historyFields),
  output: page(depositEntrySchema),
})
