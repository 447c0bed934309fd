/**
 * The platform side of first-login verification. This default serves the H5 build on the local
 * stack, whose `local` verifier accepts codes it recognises; weapp and alipay builds use
 * platform-auth.weapp.ts / platform-auth.alipay.ts.
 */
export async function alipayAuthCode(_scopes: string[], device: string): Promise<string> {
  return `local-h5-${device}`
}

/** WeChat only: the wx.login code the server exchanges for the openid (local: a code the local verifier accepts) */
export async function wechatLoginCode(device: string): Promise<string | undefined> {
  return `local-h5-${device}`
}

/** runs the platform's face flow for a verify id; resolves when the person finished it */
export async function runFaceFlow(_verifyId: string): Promise<void> {}
