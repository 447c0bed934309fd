import Taro from '@tarojs/taro'
import { adminUrl } from './console-urls'
import { staffApi } from './staff-api'

export { adminUrl, afterLogin, type ConsoleSection, homeFor, sectionsFor } from './console-urls'

export function openDetail(id: string) {
  Taro.navigateTo({ url: adminUrl.detail(id) })
}

/** back to the queue: the previous page when the detail was opened from it, else a fresh queue */
export function backToQueue() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.redirectTo({ url: adminUrl.queue() })
}

/**
 * After a decision (or the N key): the oldest application still 待审批 other than `current`, else
 * the queue. One page of two is enough: `current` may still be first if it was not decided.
 */
export async function openNextWaiting(current: string) {
  const page = await staffApi.listReviewQueue({ status: 'submitted', limit: 2 })
  const next = page.items.find((i) => i.id !== current)
  if (next) Taro.redirectTo({ url: adminUrl.detail(next.id) })
  else Taro.redirectTo({ url: adminUrl.queue() })
}
