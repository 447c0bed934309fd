import { createHash, createHmac, randomBytes } from 'node:crypto'
import { type SmsPurpose, SmsRefused, type SmsSender, SmsUnavailable } from './sender'

/**
 * Alibaba Cloud SMS (短信服务, dysmsapi 2017-05-25) SendSms over HTTPS, signed with Alibaba Cloud's
 * signature V3 (ACS3-HMAC-SHA256), implemented from the documentation (V3版本请求体&签名机制):
 *
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
 *                      SignedHeaders \n HashedRequestPayload
 *   - CanonicalURI "/" (an RPC-style API); CanonicalQueryString: the parameters sorted by name, name
 *     and value percent-encoded (RFC 3986: all but A–Z a–z 0–9 - _ . ~, space as %20), k=v joined by &
 *   - CanonicalHeaders: host, content-type and every x-acs-* header, names lower case, values
 *     trimmed, sorted by name, each "name:value\n"; SignedHeaders: those names joined by ";"
 *   - HashedRequestPayload: hex SHA-256 of the body (empty here), also sent as x-acs-content-sha256
 *   StringToSign = "ACS3-HMAC-SHA256\n" + hex(SHA-256(CanonicalRequest))
 *   Signature = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *   Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<…>,Signature=<…>
 *
 * Common headers: x-acs-action SendSms, x-acs-version 2017-05-25, x-acs-date (UTC,
 * yyyy-MM-ddTHH:mm:ssZ), x-acs-signature-nonce (unique per request). Business parameters in the
 * query string: PhoneNumbers, SignName, TemplateCode, TemplateParam ({"code":"123456"}).
 * Answer: {"Code":"OK","Message":"OK","BizId":"…","RequestId":"…"}; anything but Code "OK" is a
 * failure: isv.MOBILE_NUMBER_ILLEGAL / isv.BUSINESS_LIMIT_CONTROL / isv.DAY_LIMIT_CONTROL refuse this
 * number, the rest (signature, template, balance, throttling) mean the service is unavailable.
 */
export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com'
const VERSION = '2017-05-25'
const ALGORITHM = 'ACS3-HMAC-SHA256'
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex')

export interface AliyunSmsOptions {
  accessKeyId: string
  accessKeySecret: string
  /** 短信签名名称, as approved in the console */
  signName: string
  /** 模板 CODE per purpose, e.g. SMS_123456789; each template has one variable ${code} */
  templates: Record<SmsPurpose, string>
  /** default https://dysmsapi.aliyuncs.com */
  endpoint?: string
  timeoutMs?: number
  now?: () => Date
  nonce?: () => string
}

/** RFC 3986 percent-encoding as the signature wants it (encodeURIComponent leaves !'()* alone) */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] as string)}`)
    .join('&')
}

/** the signature V3 of one request: the Authorization header value, with the pieces tests check */
export function signV3(request: {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: string
  accessKeyId: string
  accessKeySecret: string
}) {
  const signed = Object.entries(request.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .filter(([k]) => k === 'host' || k === 'content-type' || k.startsWith('x-acs-'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const signedHeaders = signed.map(([k]) => k).join(';')
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.path || '/',
    canonicalQuery(request.query),
    signed.map(([k, v]) => `${k}:${v}\n`).join(''),
    signedHeaders,
    createHash('sha256').update(request.body).digest('hex'),
  ].join('\n')
  const stringToSign = `${ALGORITHM}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`
  const signature = createHmac('sha256', request.accessKeySecret).update(stringToSign).digest('hex')
  return {
    canonicalRequest,
    stringToSign,
    authorization: `${ALGORITHM} Credential=${request.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
  }
}

/** UTC to the second: 2023-10-26T09:01:01Z */
const acsDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`

const REFUSED = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.BUSINESS_LIMIT_CONTROL',
  'isv.DAY_LIMIT_CONTROL',
  'isv.BLACK_KEY_CONTROL_LIMIT',
])

/** a vendor's text for a log line: long digit runs (a phone) blanked */
const redact = (text: unknown) =>
  String(text ?? '')
    .slice(0, 200)
    .replace(/\d{6,}/g, '***')

export class AliyunSmsSender implements SmsSender {
  readonly name = 'aliyun' as const
  readonly #o: Required<Omit<AliyunSmsOptions, 'now' | 'nonce'>> & Pick<AliyunSmsOptions, 'now' | 'nonce'>

  constructor(options: AliyunSmsOptions) {
    this.#o = { endpoint: ALIYUN_SMS_ENDPOINT, timeoutMs: 5_000, ...options }
  }

  async sendCode(phone: string, code: string, purpose: SmsPurpose): Promise<void> {
    const endpoint = new URL(this.#o.endpoint)
    const query = {
      PhoneNumbers: phone,
      SignName: this.#o.signName,
      TemplateCode: this.#o.templates[purpose],
      TemplateParam: JSON.stringify({ code }),
    }
    const headers: Record<string, string> = {
      host: endpoint.host,
      'x-acs-action': 'SendSms',
      'x-acs-version': VERSION,
      'x-acs-date': acsDate(this.#o.now?.() ?? new Date()),
      'x-acs-signature-nonce': this.#o.nonce?.() ?? randomBytes(16).toString('hex'),
      'x-acs-content-sha256': EMPTY_SHA256,
    }
    const { authorization } = signV3({
      method: 'POST',
      path: '/',
      query,
      headers,
      body: '',
      accessKeyId: this.#o.accessKeyId,
      accessKeySecret: this.#o.accessKeySecret,
    })
    const url = `${endpoint.origin}/?${canonicalQuery(query)}`
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.#o.timeoutMs)
    let status: number
    let text: string
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, authorization, accept: 'application/json' },
        signal: controller.signal,
      })
      status = res.status
      text = await res.text()
    } catch {
      throw new SmsUnavailable(
        controller.signal.aborted
          ? `aliyun sms: no answer within ${this.#o.timeoutMs} ms`
          : 'aliyun sms: request failed',
      )
    } finally {
      clearTimeout(timer)
    }
    let answer: { Code?: unknown; Message?: unknown }
    try {
      answer = JSON.parse(text)
    } catch {
      throw new SmsUnavailable(`aliyun sms: HTTP ${status}, not JSON`)
    }
    if (status === 200 && answer.Code === 'OK') return
    const what = `aliyun sms: HTTP ${status} ${redact(answer.Code)} ${redact(answer.Message)}`.trim()
    if (typeof answer.Code === 'string' && REFUSED.has(answer.Code)) {
      throw new SmsRefused('该手机号码暂时无法接收验证码，请稍后再试或更换号码', what)
    }
    throw new SmsUnavailable(what)
  }
}
