import { needsConsent, PRIVACY_VERSION } from '@gjj/shared/info/privacy'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, session } from '../api'

/**
 * 隐私声明 consent on this device (manual 7.3). The version the person agreed to is kept locally, so
 * the app asks before anything else on first open and after the text changes; when signed in (now
 * or at the next login) it is also recorded on the depositor's record (`acceptPrivacy`). Until the
 * person agrees, only 房贷计算器 and the statement itself open: every other entry goes through
 * `withConsent`, which asks again.
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

/** 同意: kept on the device, recorded on the depositor's record when signed in */
export function agree() {
  Taro.setStorageSync(KEY, PRIVACY_VERSION)
  setOpen(false)
  const action = pending
  pending = undefined
  if (session.token) void api.acceptPrivacy({ version: PRIVACY_VERSION }).catch(() => undefined)
  if (action) void action()
}

/** 不同意: nothing is kept; the calculator and the statement stay usable */
export function decline() {
  pending = undefined
  setOpen(false)
}
