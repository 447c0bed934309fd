import type { ApplicationDetail } from '@gjj/shared/api/application'
import type { OutputOf } from '@gjj/shared/api/contract'
import type { getWithdrawalQuote } from '@gjj/shared/api/withdrawal'
import { KINDS, type Notice, WITHDRAWAL_KINDS, type WithdrawalKind } from '@gjj/shared/catalog'
import { STATE_LABELS } from '@gjj/shared/workflow'
import { api } from '../../../api'
import { type AmountLimits, isClosing } from './apply-form'

export type Quote = OutputOf<typeof getWithdrawalQuote>

/** everything the 提取 form needs before the person types anything */
export interface ApplyContext {
  kind: WithdrawalKind
  name: string
  notice: Notice
  /**
   * a new application: 可提取金额上限 and the center's limits; undefined while editing one (its own
   * lock hides the limit)
   */
  bounds?: AmountLimits
  /** closing kinds: 个人账户余额 + 销户利息 = 提取金额合计 */
  quote?: Quote
  /** editing (修改重新上传): the saved application */
  app?: ApplicationDetail
}

/** why the form cannot be used, with the application to look at instead when there is one */
export interface Blocked {
  blocked: true
  title: string
  reason: string
  applicationId?: string
}

const isWithdrawal = (kind: string | undefined): kind is WithdrawalKind =>
  (WITHDRAWAL_KINDS as readonly string[]).includes(kind ?? '')

async function withQuote(ctx: ApplyContext): Promise<ApplyContext> {
  const { kind } = ctx
  return isClosing(kind) ? { ...ctx, quote: await api.getWithdrawalQuote({ kind }) } : ctx
}

export async function loadApplyContext(kindParam?: string, id?: string): Promise<ApplyContext | Blocked> {
  if (id) {
    const app = await api.getApplication({ id })
    if (!isWithdrawal(app.kind)) {
      return { blocked: true, title: app.kindName, reason: '该业务不在此修改，请查看办理进度', applicationId: app.id }
    }
    if (app.status !== 'draft' && app.status !== 'returned') {
      return {
        blocked: true,
        title: app.kindName,
        reason: `该申请${STATE_LABELS[app.status]}，不能修改`,
        applicationId: app.id,
      }
    }
    return withQuote({ kind: app.kind, name: app.kindName, notice: app.notice, app })
  }
  if (!isWithdrawal(kindParam))
    return { blocked: true, title: '我要提取', reason: '提取业务类型不正确，请返回重新选择' }
  const { kinds, limits } = await api.listWithdrawalKinds()
  const info = kinds.find((k) => k.kind === kindParam)
  const title = info?.name ?? KINDS[kindParam].name
  if (!info) return { blocked: true, title, reason: '本中心暂未开放此项业务' }
  if (info.inProgressApplicationId) {
    return {
      blocked: true,
      title,
      reason: info.ineligibleReason ?? '您有正在办理的同类业务，可在“我的业务”中查看办理进度',
      applicationId: info.inProgressApplicationId,
    }
  }
  if (!info.eligible) return { blocked: true, title, reason: info.ineligibleReason ?? '您暂不符合办理条件' }
  return withQuote({
    kind: info.kind,
    name: info.name,
    notice: info.notice,
    bounds: { maxAmountFen: info.maxAmountFen, limits },
  })
}
