import type { ApplicationKind, LoanBusinessKind } from '@gjj/shared/catalog'
import { KINDS } from '@gjj/shared/catalog'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '../../../api'
import { useRequest } from '../../../lib/use-request'

/** the pages of the withdrawal subpackage (app.config.ts: packages/withdraw) */
const ROOT = '/packages/withdraw'

const LOAN_PAGES: Record<LoanBusinessKind, string> = {
  prepayPart: 'prepay',
  monthlyDeduction: 'deduction',
  settle: 'settle',
}

export const withdrawUrl = {
  kinds: () => `${ROOT}/kinds/index`,
  apply: (kind: string, id?: string) => `${ROOT}/apply/index?kind=${kind}${id ? `&id=${encodeURIComponent(id)}` : ''}`,
  upload: (id: string) => `${ROOT}/upload/index?id=${encodeURIComponent(id)}`,
  mine: (tab: 'todo' | 'mine' = 'todo') => `${ROOT}/mine/index?tab=${tab}`,
  detail: (id: string) => `${ROOT}/detail/index?id=${encodeURIComponent(id)}`,
  /** 贷款业务: 提前还本, 按月抵扣签约, 提前结清 (with `id`: change a returned application) */
  loan: (kind: LoanBusinessKind, id?: string) =>
    `${ROOT}/${LOAN_PAGES[kind]}/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
}

/**
 * 修改重新上传: an application goes back to its form (then 上传档案): a withdrawal to 提取申请, a
 * loan business to its own page (提前还本 and 提前结清 at the amount; 按月抵扣签约 at its button).
 */
export function openResubmit(app: { id: string; kind: ApplicationKind }) {
  const url =
    KINDS[app.kind].group === 'withdrawal'
      ? withdrawUrl.apply(app.kind, app.id)
      : withdrawUrl.loan(app.kind as LoanBusinessKind, app.id)
  Taro.navigateTo({ url })
}

/** the application a page was opened for (`?id=`: 流程信息查询, 档案上传), loading */
export function useRoutedApplication() {
  const id = useRouter().params.id ?? ''
  return useRequest(() => api.getApplication({ id }))
}

export function openDetail(id: string) {
  Taro.navigateTo({ url: withdrawUrl.detail(id) })
}

/**
 * H5: navigateBack's success runs as soon as the history moves, while the router is still
 * unloading the top page and showing the one below; a redirect then races it and, once the target
 * page's code is already loaded, can leave no page shown at all (a blank screen). So the redirect
 * waits for the router to finish (its own after-change event, with a timer as a fallback).
 */
function afterBack(then: () => void) {
  if (process.env.TARO_ENV !== 'h5') return then()
  let done = false
  const once = () => {
    if (done) return
    done = true
    Taro.eventCenter.off('__afterTaroRouterChange', once)
    then()
  }
  Taro.eventCenter.on('__afterTaroRouterChange', once)
  setTimeout(once, 1500)
}

/** the pages of an application being filled in: they leave the stack once it is submitted */
const FORM_PAGES = /withdraw\/(apply|upload|prepay|deduction|settle)\//

/**
 * After 提交中心审批: the form and upload pages leave the stack and the application's 流程信息查询
 * takes their place, so 返回 leads back to where the person started (我要提取 or 我的业务).
 */
export function finishAtDetail(id: string) {
  const url = withdrawUrl.detail(id)
  const pages = Taro.getCurrentPages()
  let run = 0
  while (run < pages.length && FORM_PAGES.test(pages[pages.length - 1 - run]?.route ?? '')) run++
  const below = pages[pages.length - 1 - run] as { route?: string; options?: Record<string, string> } | undefined
  const redirect = () => Taro.redirectTo({ url })
  // came from this application's own detail: go back to it (it loads again when shown)
  if (below && /withdraw\/detail\//.test(below.route ?? '') && below.options?.id === id) {
    Taro.navigateBack({ delta: run, fail: redirect })
  } else if (run > 1) {
    Taro.navigateBack({ delta: run - 1, success: () => afterBack(redirect), fail: redirect })
  } else {
    redirect()
  }
}
