import Taro from '@tarojs/taro'
import { adminUrl } from './console-urls'

export { adminUrl, afterLogin, type ConsoleSection, homeFor, sectionsFor } from './console-urls'

export function openDetail(id: string) {
  Taro.navigateTo({ url: adminUrl.detail(id) })
}

/** back to the queue: the previous page when the detail was opened from it, else a fresh queue */
export function backToQueue() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.redirectTo({ url: adminUrl.queue() })
}
