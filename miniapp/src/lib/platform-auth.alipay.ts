type GetAuthCode = (o: {
  scopes: string[]
  success: (r: { authCode: string }) => void
  fail: (e: unknown) => void
}) => void

/** Alipay mini-program: my.getAuthCode gives the code the server exchanges (alipay.system.oauth.token) */
export async function alipayAuthCode(scopes: string[], _device: string): Promise<string> {
  const getAuthCode = (globalThis as { my?: { getAuthCode?: GetAuthCode } }).my?.getAuthCode
  if (!getAuthCode) throw new Error('请在支付宝中打开')
  return new Promise((resolve, reject) =>
    getAuthCode({
      scopes,
      success: (r) => resolve(r.authCode),
      fail: () => reject(new Error('支付宝授权未完成，请重试')),
    }),
  )
}

export async function wechatLoginCode(_device: string): Promise<string | undefined> {
  return undefined
}

export async function runFaceFlow(_verifyId: string): Promise<void> {
  throw new Error('请使用支付宝授权登录')
}
