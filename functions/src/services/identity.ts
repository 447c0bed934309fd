import { createHash } from 'node:crypto'
import { createVerifier, type IdentityVerifier, ProviderUnavailable, VerificationFailed } from '../identity/index'
import { config } from '../lib/config'
import { AppError, ServiceUnavailable } from '../lib/errors'
import { log } from '../lib/log'
import { dynamoFaceSessions } from '../repository/face-sessions'

/**
 * The first-login identity verifier of this stage, built on first use, with its errors turned
 * into the API's: the person failed → 422 with the vendor-neutral Chinese message; the vendor is
 * unavailable → a retryable 503.
 */
let instance: IdentityVerifier | undefined

function build(): IdentityVerifier {
  return createVerifier({
    stage: config.stage,
    provider: config.identity.provider,
    faceSessions: dynamoFaceSessions,
    ...(config.identity.alipay ? { alipay: config.identity.alipay } : {}),
    ...(config.identity.wechat ? { wechat: config.identity.wechat } : {}),
  })
}

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof VerificationFailed) throw new AppError(422, error.code, error.message)
    if (error instanceof ProviderUnavailable) {
      log.warn('identity provider unavailable', { detail: error.detail })
      throw new ServiceUnavailable(error.message, 5)
    }
    throw error
  }
}

export function verifier(): IdentityVerifier {
  instance ??= build()
  const v = instance
  return {
    name: v.name,
    alipayUserId: (code) => translated(() => v.alipayUserId(code)),
    alipayVerify: (code, person) => translated(() => v.alipayVerify(code, person)),
    startFace: (person) => translated(() => v.startFace(person)),
    faceResult: (id) => translated(() => v.faceResult(id)),
    wechatSession: (code) => translated(() => v.wechatSession(code)),
  }
}

/**
 * 刷脸 for a person. In WeChat 人脸核身 is bound to the person's openid: wx.login's code is
 * exchanged here, and session_key stays on the server.
 */
export async function startFaceFor(person: { name: string; idNumber: string }, wxCode?: string) {
  const wechat = wxCode ? await verifier().wechatSession(wxCode) : undefined
  const face = await verifier().startFace({ ...person, ...(wechat ? { openid: wechat.openid } : {}) })
  return { face, wechat }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** the 刷脸 of `verifyId` passed, and for this ID number; else 422 FACE_NOT_PASSED */
export async function requireFacePassed(verifyId: string, idNumber: string): Promise<void> {
  const result = await verifier().faceResult(verifyId)
  if (!result.passed || (result.idNumberHash && result.idNumberHash !== sha256(idNumber))) {
    throw new AppError(422, 'FACE_NOT_PASSED', result.message ?? '刷脸验证未通过，请本人重新验证')
  }
}
