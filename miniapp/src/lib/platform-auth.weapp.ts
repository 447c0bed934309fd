import Taro from '@tarojs/taro'

export async function alipayAuthCode(_scopes: string[], _device: string): Promise<string> {
  throw new Error('微信小程序请使用刷脸登录')
}

/** wx.login: a one-off code the server exchanges (jscode2session); session_key never reaches the client */
export async function wechatLoginCode(_device: string): Promise<string | undefined> {
  const { code } = await Taro.login()
  return code
}

type FacialVerify = (o: { verifyId: string; success: () => void; fail: (e: unknown) => void }) => void

/** WeChat 人脸核身: the platform's face flow for the verify id the server obtained (getVerifyId) */
export async function runFaceFlow(verifyId: string): Promise<void> {
  const requestFacialVerify = (globalThis as { wx?: { requestFacialVerify?: FacialVerify } }).wx?.requestFacialVerify
  if (!requestFacialVerify) throw new Error('当前微信版本不支持刷脸，请升级微信后重试')
  await new Promise<void>((resolve, reject) =>
    requestFacialVerify({ verifyId, success: resolve, fail: () => reject(new Error('刷脸未完成，请重试')) }),
  )
}
