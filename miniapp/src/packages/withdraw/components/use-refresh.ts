import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Loads again when the page comes back into view (after 修改重新上传, 结束流程 or a submit on
 * another page) and on pull-down; the first show is the mount's own load.
 */
export function useRefresh(reload: () => Promise<unknown>) {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })
}
