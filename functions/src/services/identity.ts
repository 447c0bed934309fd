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
