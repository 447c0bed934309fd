import { needsConsent, PRIVACY_VERSION } from '@gjj/shared/info/privacy'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, session } from '../api'

/**
 * 隐私声明 consent on this device (manual 7.3). The version the person agreed to is kept locally, so
 * the app asks before anything else on first open and after the text changes; when signed in (now
 * or at the next login) it is also recorded on the depositor's record (`acceptPrivacy`). Until the
 * person agrees, only 房贷计算器 and the statement itself open: every other entry goes through
 * `withConsent`, which asks again; a page that can be opened straight from a shared link holds a
 * `ConsentGate`, so it too shows the summary before its content. 撤回同意 is `withdrawConsent`.
 */
const KEY = 'gjj.privacy'

export const privacyUrl = '/packages/info/privacy/index'

export function acceptedPrivacyVersion(): string | undefined {
  return (Taro.getStorageSync(KEY) as string) || undefined
}

export const consentNeeded = () => needsConsent(acceptedPrivacyVersion())

type Listener = (open: boolean) => void
const listeners = new Set<Listener>()
let open = false
/** what the person was about to do when asked; done once they agree */
let pending: (() => unknown) | undefined
/** asked once per run on its own; after 不同意 only `withConsent` asks again */
let askedOnStart = false

function setOpen(value: boolean) {
  open = value
  for (const l of listeners) l(value)
}

export function subscribeConsent(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const consentOpen = () => open

/** whether this device has agreed, kept current as the person answers */
export function useConsented(): boolean {
  const [consented, setConsented] = useState(() => !consentNeeded())
  useEffect(() => subscribeConsent(() => setConsented(!consentNeeded())), [])
  return consented
}

/** on app start (the first page shown): ask when this device has not agreed to the current version */
export function askOnStart() {
  if (askedOnStart) return
  askedOnStart = true
  if (consentNeeded()) setOpen(true)
}

/** runs `action` when the person has agreed, otherwise asks first and runs it after 同意 */
export function withConsent(action: () => unknown) {
  if (!consentNeeded()) return void action()
  pending = action
  setOpen(true)
}

/** records the depositor's consent on the server when theirs is older than this device's */
export async function recordConsent(serverVersion: string | null | undefined) {
  const local = acceptedPrivacyVersion()
  if (!session.token || needsConsent(local) || !needsConsent(serverVersion)) return
  await api.acceptPrivacy({ version: PRIVACY_VERSION }).catch(() => undefined)
}

/**
 * WeChat's privacy authorization (`__usePrivacyCheck__`): when a personal-information API
 * (getLocation, chooseImage, makePhoneCall …) or component needs the person's consent, WeChat holds
 * the call and asks the mini-program; the same 隐私声明 summary is shown, and the person's answer
 * lets the call go on (同意, through the `agreePrivacyAuthorization` button, whose id WeChat checks)
 * or fail (不同意). Registered once when the app starts, in the weapp build only.
 */
export const WECHAT_AGREE_BUTTON_ID = 'privacy-agree'
type WechatResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void
let wechatWaiting: WechatResolve | undefined
type WechatHost = { onNeedPrivacyAuthorization?: (listener: (resolve: WechatResolve) => void) => void }
declare const wx: WechatHost | undefined

export function listenForWechatPrivacy() {
  if (process.env.TARO_ENV !== 'weapp') return
  // wx itself (base library 2.32.3+); Taro's proxy of it where wx is not reachable by name
  const host: WechatHost | undefined = typeof wx === 'undefined' ? (Taro as unknown as WechatHost) : wx
  host?.onNeedPrivacyAuthorization?.((resolve) => {
    wechatWaiting?.({ event: 'disagree' })
    wechatWaiting = resolve
    resolve({ event: 'exposureAuthorization' })
    setOpen(true)
  })
}

/** 同意: kept on the device, recorded on the depositor's record when signed in */
export function agree() {
  Taro.setStorageSync(KEY, PRIVACY_VERSION)
  setOpen(false)
  const action = pending
  pending = undefined
  wechatWaiting?.({ event: 'agree', buttonId: WECHAT_AGREE_BUTTON_ID })
  wechatWaiting = undefined
  if (session.token) void api.acceptPrivacy({ version: PRIVACY_VERSION }).catch(() => undefined)
  if (action) void action()
}

/** 不同意: nothing is kept; the calculator and the statement stay usable */
export function decline() {
  pending = undefined
  wechatWaiting?.({ event: 'disagree' })
  wechatWaiting = undefined
  setOpen(false)
}

/**
 * 撤回同意 (the statement's promise): recorded on the depositor's record first when signed in (so
 * the center's record never says more than the person agreed to), then forgotten on this device:
 * the app is back where 不同意 leaves it — only 房贷计算器 and the statement — and asks again
 * before anything else.
 */
export async function withdrawConsent() {
  if (session.token) await api.withdrawPrivacy({})
  Taro.removeStorageSync(KEY)
  setOpen(false)
}
