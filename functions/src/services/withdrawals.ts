import { isOpen, KINDS, noticeFor, partialLimitsOf, WITHDRAWAL_KINDS } from '@gjj/shared/catalog'
import { ACCOUNT_STATUS } from '@gjj/shared/codes'
import { maskIdNumber } from '@gjj/shared/validation'
import { coded } from '../lib/codes'
import type { DepositorSession } from '../repository/sessions'
import { loadContext } from './withdrawal-context'
import { type ClosingQuote, categoriesFor, evaluate, IN_PROGRESS, retirementAgeReached } from './withdrawal-rules'

/**
 * 我要提取, the depositor's view before applying: the kinds the center opens with whether and how
 * much each allows, and the closing quote. The rules are withdrawal-rules.ts; applying is
 * applications.ts.
 */
export async function listKinds(session: DepositorSession) {
  const ctx = await loadContext(session, { closing: true })
  const retired = retirementAgeReached(ctx.depositor, ctx.today)
  // the limit is shown even while an application of the kind is in progress (修改重新上传)
  const regardless = { ...ctx, active: new Map() }
  return {
    balanceFen: ctx.account.balanceFen,
    accountStatus: coded(ACCOUNT_STATUS, ctx.account.status),
    limits: partialLimitsOf(ctx.policy),
    kinds: WITHDRAWAL_KINDS.filter((k) => isOpen(k, ctx.policy)).map((kind) => {
      const def = KINDS[kind]
      const inProgress = ctx.active.get(kind) ?? null
      const open = evaluate(kind, regardless)
      const e = inProgress ? { ...open, eligible: false, reason: IN_PROGRESS } : open
      return {
        kind,
        code: def.code as NonNullable<typeof def.code>,
        name: def.name,
        closing: def.closing,
        eligible: e.eligible,
        ineligibleReason: e.reason,
        maxAmountFen: e.maxAmountFen,
        hint: kind === 'retirement' && e.eligible && !retired ? '未达法定退休年龄的，须上传离、退休证明' : null,
        inProgressApplicationId: inProgress,
        notice: noticeFor(kind, ctx.policy),
        archiveCategories: categoriesFor(kind, ctx),
      }
    }),
  }
}

export async function quote(session: DepositorSession, kind: 'retirement' | 'termination') {
  const ctx = await loadContext(session, { closing: true })
  const amounts = ctx.closing as ClosingQuote
  // the quote answers for the person's own application of the kind too (修改重新上传)
  const e = evaluate(kind, { ...ctx, active: new Map() })
  return {
    kind,
    holderName: ctx.depositor.name,
    idNumberMasked: maskIdNumber(ctx.depositor.idNumber),
    ...amounts,
    eligible: e.eligible,
    ineligibleReason: e.reason,
  }
}
