import { createHash, createHmac } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type FakeRequest, type FakeServer, reply, startFake } from '../identity/fake-http'
import { AliyunSmsSender, percentEncode } from './aliyun'
import { createSmsSender } from './index'
import { SmsRefused, SmsUnavailable } from './sender'

const AK = 'LTAI5tTestAccessKeyId'
const SECRET = 'test-access-key-secret'

type Mode = 'ok' | 'limit' | 'bad-template' | 'hang' | 'html'

/**
 * A fake of dysmsapi.aliyuncs.com for SendSms. It checks the request as the gateway would, with its
 * own implementation of signature V3 from the documentation (not the adapter's): the headers it
 * requires, x-acs-content-sha256, the canonical request rebuilt from what arrived on the wire, and
 * the HMAC-SHA256 over "ACS3-HMAC-SHA256\n" + hex(SHA-256(canonical request)).
 */
class FakeDysmsapi {
  mode: Mode = 'ok'
  problems: string[] = []
  sent: Record<string, string>[] = []
  server!: FakeServer

  async start() {
    this.server = await startFake((req, res) => {
      if (this.mode === 'hang') return
      if (this.mode === 'html') return reply(res, '<html>502</html>', 502, 'text/html')
      const [status, body] = this.answer(req)
      reply(res, JSON.stringify(body), status)
    })
    return this
  }

  answer(req: FakeRequest): [number, Record<string, unknown>] {
    const h = (name: string) => String(req.headers[name] ?? '')
    if (req.method !== 'POST' || req.path !== '/') this.problems.push(`${req.method} ${req.path}`)
    for (const [name, value] of [
      ['x-acs-action', 'SendSms'],
      ['x-acs-version', '2017-05-25'],
    ]) {
      if (h(name as string) !== value) this.problems.push(`${name}=${h(name as string)}`)
    }
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(h('x-acs-date'))) this.problems.push(`x-acs-date ${h('x-acs-date')}`)
    if (!h('x-acs-signature-nonce')) this.problems.push('no nonce')
    const bodyHash = createHash('sha256').update(req.body).digest('hex')
    if (h('x-acs-content-sha256') !== bodyHash) this.problems.push('x-acs-content-sha256')

    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
      h('authorization'),
    )
    if (!auth) return [400, { Code: 'IncompleteSignature', Message: 'bad Authorization' }]
    const [, credential, signedHeaders, signature] = auth as unknown as [string, string, string, string]
    if (credential !== AK)
      return [404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' }]
    const names = signedHeaders.split(';')
    for (const must of [
      'host',
      'x-acs-action',
      'x-acs-content-sha256',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-version',
    ]) {
      if (!names.includes(must)) this.problems.push(`unsigned ${must}`)
    }
    // the query as it arrived: decode, then encode again the documented way
    const pairs = [...req.query.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const enc = (s: string) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    const canonical = [
      'POST',
      '/',
      pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'),
      `${names.map((n) => `${n}:${h(n).trim()}`).join('\n')}\n`,
      signedHeaders,
      bodyHash,
    ].join('\n')
    const expected = createHmac('sha256', SECRET)
      .update(`ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`)
      .digest('hex')
    if (expected !== signature) {
      return [
        400,
        { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' },
      ]
    }
    const params = Object.fromEntries(req.query.entries())
    this.sent.push(params)
    if (this.mode === 'limit')
      return [200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控Permits:10' }]
    if (this.mode === 'bad-template')
      return [200, { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '该账号下找不到对应模板' }]
    return [
      200,
      { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' },
    ]
  }
}

const fake = new FakeDysmsapi()
beforeAll(async () => {
  await fake.start()
})
afterAll(async () => {
  await fake.server.close()
})
beforeEach(() => {
  fake.mode = 'ok'
  fake.problems = []
  fake.sent = []
})

const sender = (o: Partial<ConstructorParameters<typeof AliyunSmsSender>[0]> = {}) =>
  new AliyunSmsSender({
    accessKeyId: AK,
    accessKeySecret: SECRET,
    signName: '新疆公积金',
    templates: { changePhone: 'SMS_100000001', resetPassword: 'SMS_100000002' },
    endpoint: fake.server.url,
    ...o,
  })

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

describe('Alibaba Cloud SMS SendSms (signature V3)', () => {
  test('a code goes out in one signed request the fake gateway accepts, with the template of its purpose', async () => {
    await sender().sendCode('13800138000', '042917', 'changePhone')
    await sender().sendCode('13800138000', '554433', 'resetPassword')

    expect(fake.problems).toEqual([])
    expect(fake.sent).toEqual([
      {
        PhoneNumbers: '13800138000',
        SignName: '新疆公积金',
        TemplateCode: 'SMS_100000001',
        TemplateParam: '{"code":"042917"}',
      },
      {
        PhoneNumbers: '13800138000',
        SignName: '新疆公积金',
        TemplateCode: 'SMS_100000002',
        TemplateParam: '{"code":"554433"}',
      },
    ])
  })

  test('a request signed with the wrong secret is refused by the gateway: the provider is unavailable', async () => {
    const error = await failure(
      sender({ accessKeySecret: 'not-the-secret' }).sendCode('13800138000', '000001', 'changePhone'),
    )
    expect(error).toBeInstanceOf(SmsUnavailable)
    expect((error as SmsUnavailable).detail).toContain('SignatureDoesNotMatch')
    expect((error as SmsUnavailable).detail).not.toContain('13800138000')
  })

  test('the vendor’s per-number limit refuses the number with a Chinese message', async () => {
    fake.mode = 'limit'
    const error = await failure(sender().sendCode('13800138000', '000002', 'changePhone'))
    expect(error).toBeInstanceOf(SmsRefused)
    expect(error.message).toBe('该手机号码暂时无法接收验证码，请稍后再试或更换号码')
  })

  test.each([
    ['a wrong template', 'bad-template'],
    ['an HTML error page', 'html'],
  ] as const)('%s makes the provider unavailable', async (_what, mode) => {
    fake.mode = mode
    expect(await failure(sender().sendCode('13800138000', '000003', 'changePhone'))).toBeInstanceOf(SmsUnavailable)
  })

  test('a gateway that does not answer in time makes the provider unavailable', async () => {
    fake.mode = 'hang'
    const error = await failure(sender({ timeoutMs: 200 }).sendCode('13800138000', '000004', 'changePhone'))
    expect(error).toBeInstanceOf(SmsUnavailable)
    expect((error as SmsUnavailable).detail).toContain('no answer within 200 ms')
  })

  test('percent-encoding follows RFC 3986 as the signature wants it', () => {
    expect(percentEncode('{"code":"1"} 新*~!')).toBe('%7B%22code%22%3A%221%22%7D%20%E6%96%B0%2A~%21')
  })
})

describe('createSmsSender', () => {
  test('the local sender is refused on any stage but local', () => {
    expect(() => createSmsSender({ stage: 'prod', provider: 'local', outboxFile: '/tmp/x' })).toThrow(
      'The local SMS sender is only allowed on the local stage, not on stage "prod"',
    )
  })

  test('the aliyun sender names every setting that is missing, never a value', () => {
    expect(() => createSmsSender({ stage: 'prod', provider: 'aliyun', aliyun: { accessKeySecret: 's3cret' } })).toThrow(
      'The aliyun SMS sender is missing SMS_ACCESS_KEY_ID, SMS_SIGN_NAME, SMS_TEMPLATE_CHANGE_PHONE, SMS_TEMPLATE_RESET_PASSWORD',
    )
  })
})
