import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { adminUrl } from './routes'
import { staffApi, staffSession } from './staff-api'

/**
 * A console page needs a signed-in reviewer. Without a staff token the API client has nothing to
 * expire, so the page sends the reviewer to the login itself, to come back to `here` afterwards.
 * Returns whether the page may load.
 */
export function useStaffGuard(here: string): boolean {
  const signedIn = Boolean(staffSession.token)
  useEffect(() => {
    if (!signedIn) Taro.redirectTo({ url: adminUrl.login(here) })
  }, [signedIn, here])
  return signedIn
}

/** 退出登录: ends the session on the server (best effort) and forgets it here */
export async function signOut() {
  Taro.showLoading({ title: '正在退出', mask: true })
  try {
    await staffApi.staffLogout()
  } catch {
    // the session is dropped on this device either way; the server expires it when idle
  } finally {
    staffSession.clear()
    Taro.hideLoading()
  }
  Taro.reLaunch({ url: adminUrl.login() })
}
