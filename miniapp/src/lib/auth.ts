import Taro from '@tarojs/taro'
import { session } from '../api/client'
import { withConsent } from './privacy'

/** the login channel of this build */
export const channel = process.env.TARO_ENV === 'weapp' ? 'weapp' : process.env.TARO_ENV === 'alipay' ? 'alipay' : 'h5'

/** a random id kept per installation: first-login verification is per device and channel */
export function deviceId(): string {
  let id = Taro.getStorageSync('gjj.device') as string
  if (!id) {
    id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 12)}`
    Taro.setStorageSync('gjj.device', id)
  }
  return id
}

export interface Me {
  name: string
  idNumberMasked: string
  phoneMasked: string
  center: { code: string; name: string }
}

export function signedIn(token: string, me: Me) {
  session.set(token)
  Taro.setStorageSync('gjj.me', me)
}

export function currentMe(): Me | undefined {
  return session.token ? (Taro.getStorageSync('gjj.me') as Me | '') || undefined : undefined
}

export function signedOut() {
  session.clear()
  Taro.removeStorageSync('gjj.me')
}

/** opens a page that needs a signed-in depositor, or login first (and the page afterwards) */
export function openSignedIn(url: string) {
  withConsent(() => {
    if (session.token) Taro.navigateTo({ url })
    else Taro.navigateTo({ url: `/pages/login/index?redirect=${encodeURIComponent(url)}` })
  })
}
