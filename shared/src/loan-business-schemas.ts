import * as z from 'zod/mini'
import './zod-locale'
import { type AmountIssues, type PrepayContext, prepayAmountsIssues, settleAmountsIssues } from './loan-business'

/** The contract's schemas of the loan businesses' amounts, from loan-business.ts's rules (which build no schema). */

function addIssues(issues: AmountIssues, ctx: z.core.$RefinementCtx) {
  for (const [path, message] of Object.entries(issues)) ctx.addIssue({ code: 'custom', message, path: [path] })
}

export function prepayAmountsSchema(ctx: PrepayContext) {
  return z
    .object({
      amountFen: z.number({ error: '请输入提前还款金额' }),
      fundAmountFen: z.number({ error: '请输入支取公积金金额' }),
    })
    .check(z.superRefine((v, zctx) => addIssues(prepayAmountsIssues(v, ctx), zctx)))
}

export function settleAmountsSchema(ctx: { dueFen: number; balanceFen: number }) {
  return z
    .object({ fundAmountFen: z.number({ error: '请输入支取公积金还款金额' }) })
    .check(z.superRefine((v, zctx) => addIssues(settleAmountsIssues(v, ctx), zctx)))
}
