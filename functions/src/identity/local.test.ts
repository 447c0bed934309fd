import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createLocalVerifier } from './local'
import { VerificationFailed } from './verifier'

const PERSON = { name: '王芳', idNumber: '650102199001011234' }
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail')
}

describe('the local verifier', () => {
  test.each(['prod', 'dev', 'ci', ''])('refuses to be built on stage %j', (stage) => {
    expect(() => createLocalVerifier({ stage })).toThrow(/only allowed on the local stage/)
  })

  test('an auth code local-… always gives the same Alipay user id', async () => {
    const verifier = createLocalVerifier({ stage: 'local' })

    const first = await verifier.alipayUserId('local-h5-device-1')
    const again = await verifier.alipayUserId('local-h5-device-1')
    const other = await verifier.alipayUserId('local-h5-device-2')

    expect(verifier.name).toBe('local')
    expect(first).toBe(`local-alipay-${sha256('local-h5-device-1').slice(0, 16)}`)
    expect(again).toBe(first)
    expect(other).not.toBe(first)
  })

  test('any other auth code fails with 支付宝授权失败，请重新授权', async () => {
    const error = await failure(
      createLocalVerifier({ stage: 'local' }).alipayUserId('4b203fe6c11548bcabd8da5bb087a83b'),
    )

    expect(error).toBeInstanceOf(VerificationFailed)
    expect(error.message).toBe('支付宝授权失败，请重新授权')
  })

  test('a started face verification passes and names the hash of the person’s ID number', async () => {
    const verifier = createLocalVerifier({ stage: 'local' })

    const { verifyId, expiresInSeconds } = await verifier.startFace(PERSON)
    const result = await verifier.faceResult(verifyId)

    expect(expiresInSeconds).toBe(3600)
    expect(result).toEqual({ passed: true, idNumberHash: sha256(PERSON.idNumber) })
    expect(verifyId).not.toContain(PERSON.idNumber)
  })

  test('each start gives a new verify id', async () => {
    const verifier = createLocalVerifier({ stage: 'local' })

    const a = await verifier.startFace(PERSON)
    const b = await verifier.startFace(PERSON)

    expect(a.verifyId).not.toBe(b.verifyId)
  })

  test('a verify id started by another local verifier (another worker thread) still passes', async () => {
    const { verifyId } = await createLocalVerifier({ stage: 'local' }).startFace(PERSON)

    expect(await createLocalVerifier({ stage: 'local' }).faceResult(verifyId)).toMatchObject({ passed: true })
  })

  test('a verify id the local verifier did not issue, or one that was altered, does not pass', async () => {
    const verifier = createLocalVerifier({ stage: 'local' })
    const { verifyId } = await verifier.startFace(PERSON)
    const [prefix, payload, mac] = verifyId.split('.')
    const forgedPayload = Buffer.from(
      JSON.stringify({ nonce: 'x', idNumberHash: sha256('650102199001019999'), expiresAt: 9_999_999_999 }),
    ).toString('base64url')

    for (const id of ['made-up', '', `${prefix}.${forgedPayload}.${mac}`, `${verifyId}.extra`]) {
      expect(await verifier.faceResult(id)).toEqual({ passed: false, message: '刷脸验证已过期，请重新刷脸' })
    }
    expect(payload).toBeTruthy()
  })

  test('a face verification started more than an hour ago does not pass', async () => {
    let now = Date.now()
    const verifier = createLocalVerifier({ stage: 'local', now: () => now })
    const { verifyId } = await verifier.startFace(PERSON)

    now += 3601 * 1000

    expect(await verifier.faceResult(verifyId)).toMatchObject({ passed: false })
  })

  test('a malformed ID number cannot start a face verification', async () => {
    const error = await failure(createLocalVerifier({ stage: 'local' }).startFace({ name: '王芳', idNumber: '12345' }))

    expect(error).toBeInstanceOf(VerificationFailed)
  })

  test('a wx.login code local-… gives a stable openid and a session key; any other code fails', async () => {
    const verifier = createLocalVerifier({ stage: 'local' })

    const a = await verifier.wechatSession('local-weapp-1')
    const b = await verifier.wechatSession('local-weapp-1')

    expect(a.openid).toBe(`local-openid-${sha256('local-weapp-1').slice(0, 16)}`)
    expect(b.openid).toBe(a.openid)
    expect(a.sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(await failure(verifier.wechatSession('081abc'))).toBeInstanceOf(VerificationFailed)
  })
})
