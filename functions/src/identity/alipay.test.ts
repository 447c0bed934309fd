import { createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { AlipayOAuthClient, alipayTimestamp, signContent } from './alipay'
import { type FakeRequest, type FakeServer, reply, startFake } from './fake-http'
import { ProviderUnavailable, VerificationFailed } from './verifier'

const APP_ID = '2021000000000001'
const USER_ID = '2088102150477652'
const appKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
const alipayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
const strangerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })

/** keys as Alipay's key tool prints them: bare base64, no PEM armour */
const bare = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ format: 'der', type }).toString('base64')

type Mode = 'normal' | 'unsigned' | 'signed-by-stranger' | 'tampered' | 'escaped-slashes' | 'hang' | 'http-502'

/**
 * A fake of the Alipay gateway for alipay.system.oauth.token. Like the gateway it takes the
 * parameters from the query string and the form body together, checks the common parameters,
 * verifies the RSA2 request signature with the app's public key (its own implementation of the
 * documented rule, not the adapter's), and signs the raw text of its response member with the
 * Alipay private key.
 */
class FakeAlipayGateway {
  mode: Mode = 'normal'
  /** what alipay.user.info.share says about the account (实名认证) */
  identity: Record<string, string> = {
    cert_no: '650102199001011234',
    cert_type: '0',
    is_certified: 'T',
    user_name: '王冬冬',
  }
  clock: () => Date = () => new Date()
  problems: string[] = []
  seen: Record<string, string>[] = []
  server!: FakeServer

  async start() {
    this.server = await startFake((req, res) => {
      if (this.mode === 'hang') return
      if (this.mode === 'http-502') return reply(res, '<html>bad gateway</html>', 502, 'text/html')
      const body = this.answer(req)
      reply(res, body, 200, 'text/html;charset=utf-8')
    })
    return this
  }

  get gateway() {
    return `${this.server.url}/gateway.do`
  }

  answer(req: FakeRequest): string {
    if (req.method !== 'POST' || req.path !== '/gateway.do') return this.error('40001', 'isv.missing-method')
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      this.problems.push(`content-type ${req.headers['content-type']}`)
    }
    const params: Record<string, string> = {}
    for (const [k, v] of req.query) params[k] = v
    for (const [k, v] of new URLSearchParams(req.body)) params[k] = v
    this.seen.push(params)

    const infoShare = params.method === 'alipay.user.info.share'
    const expected: Record<string, string> = {
      app_id: APP_ID,
      method: infoShare ? 'alipay.user.info.share' : 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      version: '1.0',
      ...(infoShare ? {} : { grant_type: 'authorization_code' }),
    }
    for (const [k, v] of Object.entries(expected)) {
      if (params[k] !== v) this.problems.push(`${k}=${params[k]}`)
    }
    const ts = params.timestamp ?? ''
    const shanghaiNow = new Date(this.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(ts)) this.problems.push(`timestamp ${ts}`)
    else if (Math.abs(Date.parse(`${ts}Z`) - Date.parse(`${shanghaiNow}Z`)) > 5 * 60_000) {
      this.problems.push(`timestamp ${ts} is not Asia/Shanghai now (${shanghaiNow})`)
    }
    if (!infoShare && !params.code) return this.error('40001', 'isv.missing-code')

    // the documented rule: all parameters but sign, empty values dropped, ASCII order, k=v&k=v
    const content = Object.entries(params)
      .filter(([k, v]) => k !== 'sign' && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&')
    const signed = createVerify('RSA-SHA256')
      .update(content, 'utf8')
      .verify(appKeys.publicKey, params.sign ?? '', 'base64')
    if (!signed) return this.error('40002', 'isv.invalid-signature', '验签出错')
    if (this.problems.length > 0) return this.error('40002', 'isv.invalid-arguments')

    if (infoShare) {
      // the access token oauth.token issued is the auth_token here
      if (params.auth_token !== 'authusrB2b7c5f3c1d')
        return this.error('20001', 'isv.invalid-auth-token', '无效的访问令牌')
      const node = JSON.stringify({ code: '10000', msg: 'Success', user_id: USER_ID, ...this.identity })
      return this.envelope('alipay_user_info_share_response', node)
    }
    if (params.code === 'used-code') return this.error('40002', 'isv.code-invalid', '授权码code无效')
    if (params.code === 'busy') return this.error('20000', 'isp.unknow-error', '系统繁忙')
    return this.success()
  }

  success(): string {
    const accessToken = this.mode === 'escaped-slashes' ? 'composeB/e6a8/token' : 'authusrB2b7c5f3c1d'
    const node = JSON.stringify({
      access_token: accessToken,
      alipay_user_id: '20881007846351011234',
      auth_start: '2026-01-05 10:00:00',
      expires_in: 1296000,
      re_expires_in: 2592000,
      refresh_token: 'authusrB0d8e5c0e3f',
      user_id: USER_ID,
    })
    return this.envelope('alipay_system_oauth_token_response', node)
  }

  error(code: string, subCode: string, subMsg = '参数错误'): string {
    const node = JSON.stringify({ code, msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg })
    return this.envelope('error_response', node)
  }

  envelope(key: string, node: string): string {
    const signer = this.mode === 'signed-by-stranger' ? strangerKeys.privateKey : alipayKeys.privateKey
    const sign = createSign('RSA-SHA256').update(node, 'utf8').sign(signer, 'base64')
    if (this.mode === 'unsigned') return `{"${key}":${node}}`
    const sent =
      this.mode === 'tampered'
        ? node.replace(USER_ID, '2088000000000000')
        : this.mode === 'escaped-slashes'
          ? node.replaceAll('/', '\\/')
          : node
    return `{"${key}":${sent},"sign":"${sign}"}`
  }
}

const fake = new FakeAlipayGateway()

beforeAll(async () => {
  await fake.start()
})

afterAll(async () => {
  await fake.server.close()
})

beforeEach(() => {
  fake.mode = 'normal'
  fake.clock = () => new Date()
  fake.problems = []
  fake.seen = []
  fake.identity = { cert_no: '650102199001011234', cert_type: '0', is_certified: 'T', user_name: '王冬冬' }
})

const client = (options: Partial<ConstructorParameters<typeof AlipayOAuthClient>[0]> = {}) =>
  new AlipayOAuthClient({
    appId: APP_ID,
    privateKey: bare(appKeys.privateKey, 'pkcs8'),
    alipayPublicKey: bare(alipayKeys.publicKey, 'spki'),
    gateway: fake.gateway,
    ...options,
  })

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail')
}

describe('Alipay alipay.system.oauth.token', () => {
  test('an auth code is exchanged for the user id in one RSA2-signed request the gateway accepts', async () => {
    const userId = await client().alipayUserId('4b203fe6c11548bcabd8da5bb087a83b')

    expect(userId).toBe(USER_ID)
    expect(fake.problems).toEqual([])
    expect(fake.seen).toHaveLength(1)
    expect(Object.keys(fake.seen[0] ?? {}).sort()).toEqual(
      [
        'app_id',
        'charset',
        'code',
        'format',
        'grant_type',
        'method',
        'sign',
        'sign_type',
        'timestamp',
        'version',
      ].sort(),
    )
    expect(fake.seen[0]?.code).toBe('4b203fe6c11548bcabd8da5bb087a83b')
  })

  test('the request timestamp is the Asia/Shanghai wall clock', async () => {
    const at = new Date('2014-07-23T19:07:50Z')
    fake.clock = () => at

    await client({ now: () => at }).alipayUserId('some-code')

    expect(fake.seen[0]?.timestamp).toBe('2014-07-24 03:07:50')
    expect(alipayTimestamp(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01 00:00:00')
  })

  test('a used or invalid auth code fails with 支付宝授权失败，请重新授权', async () => {
    const error = await failure(client().alipayUserId('used-code'))

    expect(error).toBeInstanceOf(VerificationFailed)
    expect(error.message).toBe('支付宝授权失败，请重新授权')
    expect((error as VerificationFailed).detail).toContain('isv.code-invalid')
  })

  test('a gateway error such as isp.unknow-error makes the provider unavailable', async () => {
    const error = await failure(client().alipayUserId('busy'))

    expect(error).toBeInstanceOf(ProviderUnavailable)
    expect((error as ProviderUnavailable).retryable).toBe(true)
  })

  test('a request signed with the wrong app key is refused by the gateway and reported as unavailable', async () => {
    const error = await failure(
      client({ privateKey: bare(strangerKeys.privateKey, 'pkcs8') }).alipayUserId('some-code'),
    )

    expect(error).toBeInstanceOf(ProviderUnavailable)
    expect((error as ProviderUnavailable).detail).toContain('isv.invalid-signature')
  })

  test.each([
    ['signed with a key that is not Alipay’s', 'signed-by-stranger'],
    ['whose user id was changed after signing', 'tampered'],
    ['without a sign at all', 'unsigned'],
  ] as const)('an answer %s is rejected', async (_what, mode) => {
    fake.mode = mode

    const error = await failure(client().alipayUserId('some-code'))

    expect(error).toBeInstanceOf(ProviderUnavailable)
  })

  test('an unsigned error answer is not trusted either', async () => {
    fake.mode = 'unsigned'

    const error = await failure(client().alipayUserId('used-code'))

    expect(error).toBeInstanceOf(ProviderUnavailable)
    expect((error as ProviderUnavailable).detail).toContain('unsigned error_response')
  })

  test('an answer sent with JSON-escaped slashes still verifies, as in Alipay’s own SDKs', async () => {
    fake.mode = 'escaped-slashes'

    expect(await client().alipayUserId('some-code')).toBe(USER_ID)
  })

  test('a gateway that does not answer within the timeout makes the provider unavailable', async () => {
    fake.mode = 'hang'
    const started = Date.now()

    const error = await failure(client({ timeoutMs: 300 }).alipayUserId('some-code'))

    expect(error).toBeInstanceOf(ProviderUnavailable)
    expect((error as ProviderUnavailable).detail).toContain('no answer within 300 ms')
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  test('an HTTP 502 from the gateway makes the provider unavailable', async () => {
    fake.mode = 'http-502'

    const error = await failure(client().alipayUserId('some-code'))

    expect(error).toBeInstanceOf(ProviderUnavailable)
    expect((error as ProviderUnavailable).detail).toBe('alipay: HTTP 502')
  })

  test('an unreachable gateway makes the provider unavailable', async () => {
    const error = await failure(client({ gateway: 'http://127.0.0.1:1/gateway.do' }).alipayUserId('some-code'))

    expect(error).toBeInstanceOf(ProviderUnavailable)
  })
})

describe('Alipay certified identity (alipay.user.info.share)', () => {
  const person = { name: '王冬冬', idNumber: '650102199001011234' }

  test('the account certified with the person’s ID number is the person: two signed calls, the token passed on', async () => {
    const result = await client().alipayVerify('4b203fe6c11548bcabd8da5bb087a83b', person)

    expect(result).toEqual({ userId: USER_ID, samePerson: true })
    expect(fake.problems).toEqual([])
    expect(fake.seen.map((p) => p.method)).toEqual(['alipay.system.oauth.token', 'alipay.user.info.share'])
    expect(fake.seen[1]?.auth_token).toBe('authusrB2b7c5f3c1d')
    expect(fake.seen[1]?.code).toBeUndefined()
  })

  test('a lower-case x in the ID number still matches', async () => {
    fake.identity = { ...fake.identity, cert_no: '65010219900101123x' }
    expect((await client().alipayVerify('c', { ...person, idNumber: '65010219900101123X' })).samePerson).toBe(true)
  })

  test.each([
    ['certified as someone else', { cert_no: '650102198805052345' }],
    ['not certified', { is_certified: 'F' }],
    ['with no cert_no (the app lacks the permission)', { cert_no: '' }],
    ['certified with a passport', { cert_type: '1' }],
  ])('an account %s is not the person', async (_what, change) => {
    fake.identity = { ...fake.identity, ...change }
    expect((await client().alipayVerify('c', person)).samePerson).toBe(false)
  })

  test('a tampered identity answer is not trusted', async () => {
    fake.mode = 'signed-by-stranger'
    expect(await failure(client().alipayVerify('c', person))).toBeInstanceOf(ProviderUnavailable)
  })
})

describe('Alipay signing rules', () => {
  test('the content to sign follows the documented example: sorted, sign and empty values left out', () => {
    const content = signContent({
      app_id: '2014072300007148',
      method: 'alipay.mobile.public.menu.add',
      charset: 'GBK',
      sign_type: 'RSA2',
      timestamp: '2014-07-24 03:07:50',
      biz_content: '{"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"}]}',
      sign: 'e9zEAe4TTQ4LPLQvETPoLGXTiURcxiAKfMVQ6Hrrsx2hmyIEGvSfAQzbLxHrhyZ48wOJXTsD4FPnt+YGdK57+fP1BCbf9rIVycfjhYCqlFhbTu9pFnZgT55W+xbAFb9y7vL0MyAxwXUXvZtQVqEwW7pURtKilbcBTEW7TAxzgro=',
      version: '1.0',
      app_auth_token: '',
    })

    expect(content).toBe(
      'app_id=2014072300007148&biz_content={"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"}]}' +
        '&charset=GBK&method=alipay.mobile.public.menu.add&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0',
    )
  })

  test('keys are accepted as PEM or as bare base64, and a malformed key is refused when the client is built', async () => {
    const pem = client({
      privateKey: appKeys.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
      alipayPublicKey: alipayKeys.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    })
    expect(await pem.alipayUserId('some-code')).toBe(USER_ID)

    expect(() => client({ privateKey: 'not-a-key' })).toThrow('alipay.privateKey is not an RSA private key')
    expect(() => client({ alipayPublicKey: '' })).toThrow('alipay.alipayPublicKey is not an RSA public key')
  })
})
