import type { ApplicationDetail } from '@gjj/shared/api/application'
import type { LoanFacts } from '@gjj/shared/api/loan-business'
import type { LoanBusinessKind } from '@gjj/shared/catalog'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import { withdrawUrl } from '../components/routes'

/**
 * What a 贷款业务 page needs before it shows anything, in one request (listLoanBusinesses): the
 * loan's facts, the kind's availability with the reason, its notice and archive categories — and,
 * with `id` (修改重新上传), the application being changed. A page that cannot go on says why.
 */
type Listed = Awaited<ReturnType<typeof api.listLoanBusinesses>>
export type LoanKindInfo = Listed['kinds'][number]

export type LoanPageContext =
  | { blocked: true; reason: string; applicationId?: string }
  | {
      blocked: false
      loan: LoanFacts
      info: LoanKindInfo
      balanceFen: number
      accountStatus: Listed['accountStatus']
      app: ApplicationDetail | null
    }

export async function loadLoanPage(kind: LoanBusinessKind, id?: string): Promise<LoanPageContext> {
  const [listed, app] = await Promise.all([
    api.listLoanBusinesses(),
    id ? api.getApplication({ id }) : Promise.resolve(null),
  ])
  const info = listed.kinds.find((k) => k.kind === kind)
  if (!info) return { blocked: true, reason: '本中心暂未开放此项业务' }
  if (!listed.loan) return { blocked: true, reason: info.ineligibleReason ?? '您暂无公积金贷款' }
  const editing = app && app.kind === kind && (app.status === 'draft' || app.status === 'returned')
  if (!editing) {
    if (info.inProgressApplicationId) {
      return {
        blocked: true,
        reason: '您有正在办理的同类业务，可在“我的业务”中查看办理进度',
        applicationId: info.inProgressApplicationId,
      }
    }
    if (!info.eligible) return { blocked: true, reason: info.ineligibleReason ?? '您暂不符合办理条件' }
  }
  return {
    blocked: false,
    loan: listed.loan,
    info,
    balanceFen: listed.balanceFen,
    accountStatus: listed.accountStatus,
    app: editing ? app : null,
  }
}

/** 【档案上传】: the draft is saved (created, or the returned one updated) and 档案上传 opens */
export async function saveAndUpload(
  app: ApplicationDetail | null,
  data: Extract<Parameters<typeof api.createApplication>[0], { kind: LoanBusinessKind }>,
): Promise<void> {
  const saved = app
    ? await api.updateApplication({ ...data, id: app.id } as Parameters<typeof api.updateApplication>[0])
    : await api.createApplication(data)
  Taro.navigateTo({ url: withdrawUrl.upload(saved.id) })
}
