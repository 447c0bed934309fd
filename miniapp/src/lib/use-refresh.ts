import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'

export interface RefreshOptions {
  /**
   * Load again when the person comes back to the page (another page may have changed what it
   * shows: a submit, 修改重新上传, 结束流程, a review). A function decides each time.
   */
  onReturn?: boolean | (() => boolean)
}

/**
 * The refresh of a page that shows loaded data: pull-down loads again (the page's config turns
 * pull-down on with `enablePullDownRefresh: true`), and with `onReturn` coming back does too. The
 * first show is the mount's own load. A form being filled in has no refresh: nothing reloads under
 * the person's hands.
 */
export function useRefresh(reload: () => unknown, { onReturn = false }: RefreshOptions = {}) {
  const shown = useRef(false)
  useDidShow(() => {
    const again = shown.current
    shown.current = true
    // a function is asked on every show, the first too, so a mark it keeps is taken each time
    const wanted = typeof onReturn === 'function' ? onReturn() : onReturn
    if (again && wanted) void reload()
  })
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })
}
