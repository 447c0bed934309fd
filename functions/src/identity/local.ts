import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { type IdentityVerifier, VerificationFailed } from './verifier'

/**
 * The `local` verifier: the local stack and the H5 build, with no vendor account. Deterministic:
 * - auth code "local-<anything>" → Alipay user id "local-alipay-<first 16 hex of SHA-256(code)>";
 *   any other code → VerificationFailed. alipayVerify: the account is certified as the person asked
 *   about, except for codes starting "local-other-" (someone else's Alipay account)
 * - wx.login code "local-<anything>" → openid "local-openid-<first 16 hex of SHA-256(code)>"
 * - startFace returns a fresh random verify id bound to the person (the hash of the ID number) and
 *   valid for an hour; faceResult passes for a verify id this verifier issued and that has not
 *   expired, and returns that ID-number hash so the caller's match check still runs.
 *
 * The binding travels inside the verify id, under an HMAC, instead of in this process's memory:
 * serverless-offline runs each Lambda function in its own worker thread, so the start and the
 * result handlers share no memory. The HMAC key is a constant; this verifier proves nothing and
 * refuses to exist outside the local stage.
 */
const FACE_SECONDS = 60 * 60
const FACE_PREFIX = 'local-face'
const LOCAL_ONLY_KEY = 'gjj local identity verifier, local stage only'

export interface LocalVerifierOptions {
  stage: string
  /** epoch milliseconds */
  now?: () => number
}

export function createLocalVerifier(options: LocalVerifierOptions): IdentityVerifier {
  if (options.stage !== 'local') {
    throw new Error(
      `The local identity verifier is only allowed on the local stage, not on stage "${options.stage}"; ` +
        'use the real provider with the Alipay and WeChat keys',
    )
  }
  return new LocalVerifier(options.now ?? Date.now)
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const mac = (payload: string) => createHmac('sha256', LOCAL_ONLY_KEY).update(payload).digest('base64url')

class LocalVerifier implements IdentityVerifier {
  readonly name = 'local' as const

  constructor(private readonly now: () => number) {}

  async alipayUserId(authCode: string): Promise<string> {
    if (typeof authCode !== 'string' || !authCode.startsWith('local-')) {
      throw new VerificationFailed('支付宝授权失败，请重新授权', 'local: auth code without the local- prefix')
    }
    return `local-alipay-${sha256(authCode).slice(0, 16)}`
  }

  async alipayVerify(authCode: string, _person: { name: string; idNumber: string }) {
    const userId = await this.alipayUserId(authCode)
    return { userId, samePerson: !authCode.startsWith('local-other-') }
  }

  async wechatSession(code: string): Promise<{ openid: string; sessionKey: string }> {
    if (typeof code !== 'string' || !code.startsWith('local-')) {
      throw new VerificationFailed('微信登录已失效，请重新进入小程序', 'local: wx.login code without the local- prefix')
    }
    return { openid: `local-openid-${sha256(code).slice(0, 16)}`, sessionKey: randomBytes(16).toString('base64') }
  }

  async startFace(person: { name: string; idNumber: string }): Promise<{ verifyId: string; expiresInSeconds: number }> {
    if (!person.name?.trim() || !/^\d{17}[\dXx]$/.test(person.idNumber ?? '')) {
      throw new VerificationFailed('姓名或身份证号码有误，无法刷脸验证', 'local: name or ID number malformed')
    }
    const binding = {
      nonce: randomBytes(12).toString('hex'),
      idNumberHash: sha256(person.idNumber),
      expiresAt: Math.floor(this.now() / 1000) + FACE_SECONDS,
    }
    const payload = Buffer.from(JSON.stringify(binding), 'utf8').toString('base64url')
    return { verifyId: `${FACE_PREFIX}.${payload}.${mac(payload)}`, expiresInSeconds: FACE_SECONDS }
  }

  async faceResult(verifyId: string): Promise<{ passed: boolean; idNumberHash?: string; message?: string }> {
    const binding = this.#issued(verifyId)
    if (!binding || binding.expiresAt <= this.now() / 1000) {
      return { passed: false, message: '刷脸验证已过期，请重新刷脸' }
    }
    return { passed: true, idNumberHash: binding.idNumberHash }
  }

  /** the binding of a verify id this verifier issued, or undefined */
  #issued(verifyId: string): { idNumberHash: string; expiresAt: number } | undefined {
    const [prefix, payload, signature, ...rest] = typeof verifyId === 'string' ? verifyId.split('.') : []
    if (prefix !== FACE_PREFIX || !payload || !signature || rest.length > 0) return undefined
    const expected = Buffer.from(mac(payload))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    try {
      const binding = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      if (typeof binding.idNumberHash !== 'string' || typeof binding.expiresAt !== 'number') return undefined
      return binding
    } catch {
      return undefined
    }
  }
}
