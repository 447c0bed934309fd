import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type FakeRequest, type FakeServer, reply, startFake } from './fake-http'
import { ProviderUnavailable, VerificationFailed } from './verifier'
import { certHash, memoryFaceSessions, WechatClient, type WechatOptions } from './wechat'

const APP_ID = 'wx0123456789abcdef'
const SECRET = 'app-secret-0123456789abcdef0123'
const OPENID = 'oRhHa1XxnSTM2w3ybVq7VL6Hb'
const PERSON = { name: '张三', idNumber: '65010219900101123X', openid: OPENID }
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

interface FaceState {
  outSeqNo: string
  openid: string
  certHash: string
  verifyRet?: number
}

/**
 * A fake of api.weixin.qq.com: the access token, code2Session and 微信人脸核身 (getVerifyId,
 * queryVerifyInfo), each checking its request the way the documentation describes it.
 */
class FakeWechat {
  server!: FakeServer
  problems: string[] = []
  tokenCalls = 0
  tokenExpiresIn = 7200
  validTokens = new Set<string>()
  faces = new Map<string, FaceState>()
  seenOutSeqNos = new Set<string>()
  faceBodies: Record<string, unknown>[] = []
  hang = false
  echoCertNoInError = false

  async start() {
    this.server = await startFake((req, res) => {
      if (this.hang) return
      reply(res, JSON.stringify(this.answer(req)), 200, 'text/plain')
    })
    return this
  }

  /** the person finished the face flow in WeChat with this verify_ret */
  personFinishes(verifyId: string, verifyRet: number) {
    const face = this.faces.get(verifyId)
    if (face) face.verifyRet = verifyRet
  }

  revokeTokens() {
    this.validTokens.clear()
  }

  answer(req: FakeRequest): Record<string, unknown> {
    const q = req.query
    if (req.method === 'GET' && req.path === '/cgi-bin/token') {
      this.tokenCalls++
      if (q.get('grant_type') !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' }
      if (q.get('appid') !== APP_ID) return { errcode: 40013, errmsg: 'invalid appid' }
      if (q.get('secret') !== SECRET) return { errcode: 40125, errmsg: 'invalid appsecret, rid: 66b5fb8f' }
      const token = `ACCESS_TOKEN_${this.tokenCalls}`
      this.validTokens.add(token)
      return { access_token: token, expires_in: this.tokenExpiresIn }
    }
    if (req.method === 'GET' && req.path === '/sns/jscode2session') {
      if (q.get('appid') !== APP_ID || q.get('secret') !== SECRET)
        return { errcode: 40125, errmsg: 'invalid appsecret' }
      if (q.get('grant_type') !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' }
      switch (q.get('js_code')) {
        case 'code-ok':
          // code2Session answers success without errcode
          return { session_key: 'gem14H1rqRrcpaBVKepX==', openid: OPENID, unionid: 'o6_bmasdasdsad6_2sgVt7hMZOPfL' }
        case 'code-risky':
          return { errcode: 40226, errmsg: 'code blocked' }
        case 'code-busy':
          return { errcode: -1, errmsg: 'system error' }
        default:
          return { errcode: 40029, errmsg: 'invalid code, rid: 668f2aa4-51c08c03-3d141241' }
      }
    }
    if (req.method === 'POST' && req.path.startsWith('/cityservice/face/identify/')) {
      if (!this.validTokens.has(q.get('access_token') ?? '')) {
        return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
      }
      if (!String(req.headers['content-type']).startsWith('application/json')) this.problems.push('content-type')
      const body = JSON.parse(req.body) as Record<string, unknown>
      this.faceBodies.push(body)
      if (req.path === '/cityservice/face/identify/getverifyid') return this.getVerifyId(body)
      if (req.path === '/cityservice/face/identify/queryverifyinfo') return this.queryVerifyInfo(body)
    }
    return { errcode: 40066, errmsg: 'invalid url' }
  }

  getVerifyId(body: Record<string, unknown>) {
    const {
      out_seq_no: outSeqNo,
      cert_info: cert,
      openid,
    } = body as {
      out_seq_no: string
      cert_info: { cert_type: string; cert_name: string; cert_no: string }
      openid: string
    }
    if (!/^[0-9A-Za-z_-]{5,32}$/.test(outSeqNo ?? '') || this.seenOutSeqNos.has(outSeqNo)) {
      return { errcode: 40097, errmsg: 'invalid out_seq_no' }
    }
    if (cert?.cert_type !== 'IDENTITY_CARD' || !cert.cert_name || !/^\d{17}[\dX]$/.test(cert.cert_no ?? '')) {
      return { errcode: 40097, errmsg: 'invalid cert_info' }
    }
    if (this.echoCertNoInError) return { errcode: 40097, errmsg: `invalid args, cert_no ${cert.cert_no}` }
    if (!openid) return { errcode: 40003, errmsg: 'invalid openid' }
    this.seenOutSeqNos.add(outSeqNo)
    // the documented cert_hash, computed independently of the adapter
    const b64 = (v: string) => Buffer.from(v).toString('base64')
    const hash = sha256(
      `cert_type=${b64(cert.cert_type)}&cert_name=${b64(cert.cert_name)}&cert_no=${b64(cert.cert_no)}`,
    )
    const verifyId = `verify-${this.faces.size + 1}-${outSeqNo.slice(0, 8)}`
    this.faces.set(verifyId, { outSeqNo, openid, certHash: hash })
    return { errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 }
  }

  queryVerifyInfo(body: Record<string, unknown>) {
    const face = this.faces.get(String(body.verify_id))
    if (!face) return { errcode: 40097, errmsg: 'invalid verify_id' }
    // WeChat checks cert_info and openid against the start and answers an errcode, not a verify_ret
    if (body.out_seq_no !== face.outSeqNo || body.openid !== face.openid || body.cert_hash !== face.certHash) {
      this.problems.push('queryverifyinfo does not match getverifyid')
      return { errcode: 40097, errmsg: 'cert_info or openid mismatch' }
    }
    return { errcode: 0, errmsg: 'ok', verify_ret: face.verifyRet ?? 90018 }
  }
}

const fake = new FakeWechat()
let clock = Date.now()

beforeAll(async () => {
  await fake.start()
})

afterAll(async () => {
  await fake.server.close()
})

beforeEach(() => {
  fake.problems = []
  fake.tokenCalls = 0
  fake.tokenExpiresIn = 7200
  fake.faceBodies = []
  fake.hang = false
  fake.echoCertNoInError = false
  clock = Date.now()
})

const client = (options: Partial<WechatOptions> = {}) =>
  new WechatClient({ appId: APP_ID, appSecret: SECRET, baseUrl: fake.server.url, now: () => clock, ...options })

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail')
}

describe('WeChat code2Session', () => {
  test('a wx.login code is exchanged for the openid, the unionid and the session key', async () => {
    const session = await client().wechatSession('code-ok')

    expect(session).toEqual({
      openid: OPENID,
      unionid: 'o6_bmasdasdsad6_2sgVt7hMZOPfL',
      sessionKey: 'gem14H1rqRrcpaBVKepX==',
    })
  })

  test('an invalid or used code (40029) asks the person to reopen the mini-program', async () => {
    const error = await failure(client().wechatSession('code-used'))

    expect(error).toBeInstanceOf(VerificationFailed)
    expect(error.message).toBe('微信登录已失效，请重新进入小程序')
  })

  test('an account WeChat blocks as high-risk (40226) is refused', async () => {
    const error = await failure(client().wechatSession('code-risky'))

    expect(error).toBeInstanceOf(VerificationFailed)
    expect(error.message).toBe('当前微信账号存在安全风险，暂时无法登录')
  })

  test('a busy WeChat (-1) makes the provider unavailable', async () => {
    expect(await failure(client().wechatSession('code-busy'))).toBeInstanceOf(ProviderUnavailable)
  })

  test('a wrong app secret makes the provider unavailable, and the secret stays out of the error', async () => {
    const error = await failure(client({ appSecret: 'wrong-secret-value' }).wechatSession('code-ok'))

    expect(error).toBeInstanceOf(ProviderUnavailable)
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('wrong-secret-value')
  })
})

describe('WeChat face verification (微信人脸核身)', () => {
  test('a started verification sends the documented fields and passes when WeChat reports 10000', async () => {
    const wechat = client()

    const started = await wechat.startFace(PERSON)
    fake.personFinishes(started.verifyId, 10000)
    const result = await wechat.faceResult(started.verifyId)

    expect(started.expiresInSeconds).toBe(3600)
    expect(result).toEqual({ passed: true, idNumberHash: sha256(PERSON.idNumber) })
    expect(fake.problems).toEqual([])
    const [start, query] = fake.faceBodies
    expect(start).toEqual({
      out_seq_no: expect.stringMatching(/^[0-9a-f]{32}$/),
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '65010219900101123X' },
      openid: OPENID,
    })
    expect(query).toEqual({
      verify_id: started.verifyId,
      out_seq_no: start?.out_seq_no,
      cert_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      openid: OPENID,
    })
  })

  test.each([
    [90002, '刷脸已取消，请重新刷脸'],
    [90008, '请允许微信使用相机和麦克风后重新刷脸'],
    [10003, '刷脸验证未通过，请本人重新刷脸'],
  ])('a face flow that ended with verify_ret %i does not pass and says %s', async (verifyRet, message) => {
    const wechat = client()
    const { verifyId } = await wechat.startFace(PERSON)
    fake.personFinishes(verifyId, verifyRet)

    expect(await wechat.faceResult(verifyId)).toEqual({ passed: false, message })
  })

  test('a verify id that was never started here does not pass and WeChat is not asked', async () => {
    const result = await client().faceResult('verify-from-somewhere-else')

    expect(result).toEqual({ passed: false, message: '刷脸验证已过期，请重新刷脸' })
    expect(fake.faceBodies).toEqual([])
  })

  test('the start and the result can run in different processes that share a face session store', async () => {
    const faceSessions = memoryFaceSessions(() => clock)
    const { verifyId } = await client({ faceSessions }).startFace(PERSON)
    fake.personFinishes(verifyId, 10000)

    expect(await client({ faceSessions }).faceResult(verifyId)).toMatchObject({ passed: true })
  })

  test('a person without an openid cannot start, because the face flow runs in WeChat for that user', async () => {
    const error = await failure(client().startFace({ name: PERSON.name, idNumber: PERSON.idNumber }))

    expect(error).toBeInstanceOf(VerificationFailed)
    expect(error.message).toBe('请在微信小程序中进行刷脸验证')
  })

  test('the ID number never reaches an error, even when WeChat echoes it back', async () => {
    fake.echoCertNoInError = true

    const error = await failure(client().startFace(PERSON))

    expect(error).toBeInstanceOf(ProviderUnavailable)
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack })
    expect(everything).toContain('errcode 40097')
    expect(everything).not.toContain('65010219900101123')
  })

  test('cert_hash follows the documented example', () => {
    expect(certHash({ cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '310101199801011234' })).toBe(
      '3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b',
    )
  })
})

describe('WeChat access token', () => {
  test('the access token is fetched once and reused by later calls', async () => {
    const wechat = client()

    const { verifyId } = await wechat.startFace(PERSON)
    await wechat.startFace(PERSON)
    await wechat.faceResult(verifyId)

    expect(fake.tokenCalls).toBe(1)
  })

  test('concurrent calls share one token fetch', async () => {
    const wechat = client()

    await Promise.all([wechat.startFace(PERSON), wechat.startFace(PERSON), wechat.startFace(PERSON)])

    expect(fake.tokenCalls).toBe(1)
  })

  test('the access token is fetched again five minutes before it expires', async () => {
    const wechat = client()
    const start = clock

    await wechat.accessToken()
    clock = start + (7200 - 301) * 1000
    await wechat.accessToken()
    expect(fake.tokenCalls).toBe(1)

    clock = start + (7200 - 299) * 1000
    await wechat.accessToken()
    expect(fake.tokenCalls).toBe(2)
  })

  test('a token WeChat no longer accepts (40001) is fetched again once and the call retried', async () => {
    const wechat = client()
    await wechat.accessToken()
    fake.revokeTokens()

    const started = await wechat.startFace(PERSON)

    expect(started.verifyId).toMatch(/^verify-/)
    expect(fake.tokenCalls).toBe(2)
  })

  test('WeChat that does not answer within the timeout makes the provider unavailable', async () => {
    fake.hang = true
    const started = Date.now()

    const error = await failure(client({ timeoutMs: 300 }).startFace(PERSON))

    expect(error).toBeInstanceOf(ProviderUnavailable)
    expect(Date.now() - started).toBeLessThan(3_000)
  })
})
