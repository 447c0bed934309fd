import { AlipayOAuthClient } from './alipay'
import { createLocalVerifier } from './local'
import type { IdentityVerifier } from './verifier'
import { type FaceSessionStore, WechatClient } from './wechat'

export { ALIPAY_GATEWAY } from './alipay'
export { createLocalVerifier } from './local'
export type { IdentityVerifier } from './verifier'
export { ProviderUnavailable, VerificationFailed } from './verifier'
export type { FaceSession, FaceSessionStore } from './wechat'
export { memoryFaceSessions, WECHAT_API } from './wechat'

export interface VerifierOptions {
  stage: string
  provider: 'local' | 'real'
  alipay?: {
    appId: string
    /** 应用私钥, PEM or bare base64 */
    privateKey: string
    /** 支付宝公钥, PEM or bare base64 */
    alipayPublicKey: string
    /** default https://openapi.alipay.com/gateway.do */
    gateway?: string
    timeoutMs?: number
  }
  wechat?: {
    appId: string
    appSecret: string
    /** default https://api.weixin.qq.com */
    baseUrl?: string
    timeoutMs?: number
  }
  /**
   * Where a WeChat face verification waits between startFace and faceResult. Those run in two
   * Lambda functions, so every stage but local must pass a shared store (e.g. DynamoDB with TTL).
   */
  faceSessions?: FaceSessionStore
}

/**
 * The first-login verifier of a stage. `local` is accepted on the local stage only; `real` speaks
 * to Alipay and WeChat and needs every key of both, naming the ones that are missing.
 */
export function createVerifier(opts: VerifierOptions): IdentityVerifier {
  if (opts.provider === 'local') return createLocalVerifier({ stage: opts.stage })
  if (opts.provider !== 'real') {
    throw new Error(`Unknown identity provider "${String(opts.provider)}"; use local or real`)
  }
  const { alipay, wechat } = opts
  const missing = [
    ['alipay.appId', alipay?.appId],
    ['alipay.privateKey', alipay?.privateKey],
    ['alipay.alipayPublicKey', alipay?.alipayPublicKey],
    ['wechat.appId', wechat?.appId],
    ['wechat.appSecret', wechat?.appSecret],
  ]
    .filter(([, value]) => !value?.trim())
    .map(([name]) => name)
  if (!alipay || !wechat || missing.length > 0) {
    throw new Error(`The real identity verifier is missing ${missing.join(', ')}`)
  }
  if (!opts.faceSessions && opts.stage !== 'local') {
    throw new Error(
      `The real identity verifier on stage "${opts.stage}" is missing faceSessions: WeChat face verification ` +
        'starts and finishes in different Lambda functions, so it needs a shared store',
    )
  }
  const alipayClient = new AlipayOAuthClient(alipay)
  const wechatClient = new WechatClient({
    ...wechat,
    ...(opts.faceSessions ? { faceSessions: opts.faceSessions } : {}),
  })
  return {
    name: 'real',
    alipayUserId: (authCode) => alipayClient.alipayUserId(authCode),
    alipayVerify: (authCode, person) => alipayClient.alipayVerify(authCode, person),
    startFace: (person) => wechatClient.startFace(person),
    faceResult: (verifyId) => wechatClient.faceResult(verifyId),
    wechatSession: (code) => wechatClient.wechatSession(code),
  }
}
