/**
 * First-login identity verification (BUSINESS-RULES "Identity and security": 支付宝授权 or 刷脸 bound
 * to the ID number). One interface, a real adapter per vendor (alipay.ts, wechat.ts) and a `local`
 * adapter that only the local stage accepts (local.ts); index.ts picks one.
 *
 * This folder is self-contained: the errors below are plain classes, not AppErrors. They carry the
 * HTTP `status` the error boundary should answer with, a stable `code`, a Chinese `message` that
 * tells the person what to do, and an English `detail` for the logs that never holds an ID number,
 * a secret or a vendor URL.
 */
export interface IdentityVerifier {
  readonly name: 'local' | 'real'
  /** Alipay mini-program: exchange the my.getAuthCode auth code for the Alipay user id (alipay.system.oauth.token) */
  alipayUserId(authCode: string): Promise<string>
  /**
   * Alipay: the user behind the auth code (scope auth_user) and whether their certified identity
   * (实名认证 ID number) is `person`'s. The ID number never leaves the adapter.
   */
  alipayVerify(
    authCode: string,
    person: { name: string; idNumber: string },
  ): Promise<{ userId: string; samePerson: boolean }>
  /** WeChat face verification (微信人脸核身): start for a person (name + 18-digit ID number), return the verify id the mini-program hands to the platform's face flow */
  startFace(person: {
    name: string
    idNumber: string
    openid?: string
  }): Promise<{ verifyId: string; expiresInSeconds: number }>
  /** ask the platform whether that verification passed; identity fields returned so the caller can check they match */
  faceResult(verifyId: string): Promise<{ passed: boolean; idNumberHash?: string; message?: string }>
  /** WeChat login: exchange wx.login code for openid; the session_key stays on the server (returned only to be stored server-side, never to the client) */
  wechatSession(code: string): Promise<{ openid: string; unionid?: string; sessionKey: string }>
}

/** The person failed or declined (bad or used auth code, risky account, missing WeChat identity). Not retryable as is. */
export class VerificationFailed extends Error {
  readonly code = 'VERIFICATION_FAILED'
  readonly status = 422
  readonly retryable = false

  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message)
    this.name = 'VerificationFailed'
  }
}

/** The vendor is down, slow, misconfigured or answered something we cannot trust (bad signature). Retry later. */
export class ProviderUnavailable extends Error {
  readonly code = 'PROVIDER_UNAVAILABLE'
  readonly status = 503
  readonly retryable = true

  constructor(
    readonly detail: string,
    message = '身份验证服务暂时不可用，请稍后重试',
  ) {
    super(message)
    this.name = 'ProviderUnavailable'
  }
}
