import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto'
import { chinaDateTime } from '@gjj/shared/clock'
import { DEFAULT_TIMEOUT_MS, exchange, redact } from './http'
import { type IdentityVerifier, ProviderUnavailable, VerificationFailed } from './verifier'

/**
 * Alipay OpenAPI, classic gateway (公钥模式, RSA2): alipay.system.oauth.token exchanges the auth code
 * of my.getAuthCode for the person's Alipay user id and an access token; alipay.user.info.share
 * with that token (scope auth_user) tells the account's certified identity (实名认证: cert_no).
 *
 * Request (换取授权访问令牌): form-encoded POST to gateway.do with the common parameters app_id, method,
 * format=JSON, charset=utf-8, sign_type=RSA2, timestamp "yyyy-MM-dd HH:mm:ss" (Asia/Shanghai),
 * version=1.0, sign, and the business parameters grant_type=authorization_code, code.
 * Signing (自行实现签名): every parameter except sign, empty values dropped, sorted by key in ASCII
 * order, joined as k=v&k=v, SHA256withRSA with the app private key, base64.
 * Response: {"alipay_system_oauth_token_response":{"user_id":..,"access_token":..,...},"sign":".."}
 * or {"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid",..},"sign":".."}.
 * The sign covers the raw JSON text of that one member, verified with the Alipay public key. An
 * answer without a valid sign is not trusted, whatever it says.
 */
export const ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do'
const METHOD = 'alipay.system.oauth.token'
const ERROR_KEY = 'error_response'

export interface AlipayOptions {
  appId: string
  /** 应用私钥: PEM, or the bare base64 the Alipay key tool prints (PKCS#8 or PKCS#1) */
  privateKey: string
  /** 支付宝公钥 of this app: PEM, or bare base64 (SPKI) */
  alipayPublicKey: string
  /** default https://openapi.alipay.com/gateway.do */
  gateway?: string
  timeoutMs?: number
  now?: () => Date
}

const authFailed = (detail: string) => new VerificationFailed('支付宝授权失败，请重新授权', detail)

export class AlipayOAuthClient implements Pick<IdentityVerifier, 'alipayUserId' | 'alipayVerify'> {
  readonly #appId: string
  readonly #privateKey: KeyObject
  readonly #alipayPublicKey: KeyObject
  readonly #gateway: string
  readonly #timeoutMs: number
  readonly #now: () => Date

  constructor(options: AlipayOptions) {
    this.#appId = options.appId
    this.#privateKey = rsaKey('alipay.privateKey', options.privateKey, 'private')
    this.#alipayPublicKey = rsaKey('alipay.alipayPublicKey', options.alipayPublicKey, 'public')
    this.#gateway = options.gateway ?? ALIPAY_GATEWAY
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.#now = options.now ?? (() => new Date())
  }

  async alipayUserId(authCode: string): Promise<string> {
    return (await this.#token(authCode)).userId
  }

  /**
   * Whether the Alipay user behind `authCode` is `person` (decision 52): alipay.system.oauth.token
   * for the access token (scope auth_user), then alipay.user.info.share with it as auth_token; the
   * answer's certified ID number (cert_no, 身份证 cert_type 0, is_certified T) must equal the
   * person's. An uncertified account, or one without cert_no, is not the person.
   */
  async alipayVerify(authCode: string, person: { name: string; idNumber: string }) {
    const { userId, accessToken } = await this.#token(authCode)
    if (!accessToken) throw new ProviderUnavailable('alipay: oauth.token answered no access_token')
    const info = await this.#call('alipay.user.info.share', { auth_token: accessToken }, (node) => node)
    const certNo = typeof info.cert_no === 'string' ? info.cert_no.trim().toUpperCase() : ''
    const samePerson =
      info.is_certified === 'T' &&
      (info.cert_type === undefined || info.cert_type === '0') &&
      certNo !== '' &&
      certNo === person.idNumber.trim().toUpperCase()
    return { userId, samePerson }
  }

  async #token(authCode: string): Promise<{ userId: string; accessToken?: string }> {
    if (typeof authCode !== 'string' || authCode.trim() === '') throw authFailed('alipay: empty auth code')
    return this.#call(METHOD, { grant_type: 'authorization_code', code: authCode }, (node) => {
      // apps switched to OpenID mode get open_id instead of user_id; both identify the person to this app
      const userId = node.user_id ?? node.open_id
      if (typeof userId !== 'string' || userId === '') throw new ProviderUnavailable('alipay: response has no user_id')
      return {
        userId,
        ...(typeof node.access_token === 'string' && node.access_token ? { accessToken: node.access_token } : {}),
      }
    })
  }

  /** one signed gateway call; `read` gets the verified success member */
  async #call<T>(
    method: string,
    extra: Record<string, string>,
    read: (node: Record<string, unknown>) => T,
  ): Promise<T> {
    const params: Record<string, string> = {
      app_id: this.#appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: alipayTimestamp(this.#now()),
      version: '1.0',
      ...extra,
    }
    const sign = createSign('RSA-SHA256').update(signContent(params), 'utf8').sign(this.#privateKey, 'base64')
    const url = `${this.#gateway}${this.#gateway.includes('?') ? '&' : '?'}charset=utf-8`
    const res = await exchange(
      'alipay',
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
        body: new URLSearchParams({ ...params, sign }).toString(),
      },
      this.#timeoutMs,
    )
    if (res.status !== 200) throw new ProviderUnavailable(`alipay: HTTP ${res.status}`)
    return read(this.#verifiedNode(res.text, `${method.replaceAll('.', '_')}_response`))
  }

  #verifiedNode(text: string, responseKey: string): Record<string, unknown> {
    let parsed: Record<string, unknown>
    let members: Map<string, string>
    try {
      parsed = JSON.parse(text)
      members = topLevelMembers(text)
    } catch {
      throw new ProviderUnavailable('alipay: response is not a JSON object')
    }
    const key = members.has(responseKey) ? responseKey : members.has(ERROR_KEY) ? ERROR_KEY : undefined
    const node = key ? (parsed[key] as Record<string, unknown> | null) : undefined
    if (!key || !node || typeof node !== 'object') {
      throw new ProviderUnavailable(`alipay: response has neither ${responseKey} nor ${ERROR_KEY}`)
    }
    const sign = parsed.sign
    if (typeof sign !== 'string' || sign === '') {
      throw new ProviderUnavailable(`alipay: unsigned ${key} (${redact(node.sub_code ?? node.code)}), not trusted`)
    }
    if (!verifies(members.get(key) as string, sign, this.#alipayPublicKey)) {
      throw new ProviderUnavailable('alipay: response signature does not verify with the Alipay public key')
    }
    if (key === ERROR_KEY || (node.code !== undefined && node.code !== '10000')) {
      const what = `alipay: ${redact(node.code)} ${redact(node.sub_code)} ${redact(node.sub_msg)}`.trim()
      // isv.code-invalid & co.: the auth code is wrong, used or expired; the person authorizes again
      if (typeof node.sub_code === 'string' && node.sub_code.startsWith('isv.code-')) throw authFailed(what)
      // the person did not grant the user-info scope, or the token is no good: authorize again
      if (
        typeof node.sub_code === 'string' &&
        /^isv\.(invalid-auth-token|insufficient-isv-permissions|invalid-auth-relations)/.test(node.sub_code)
      ) {
        throw authFailed(what)
      }
      throw new ProviderUnavailable(what)
    }
    return node
  }
}

/** Alipay's timestamp: "yyyy-MM-dd HH:mm:ss", the China wall clock */
export function alipayTimestamp(date: Date): string {
  return chinaDateTime(date)
}

/** the content to sign (待签名字符串): all parameters but sign, empty ones dropped, keys in ASCII order, k=v joined with & */
export function signContent(params: Record<string, string | undefined>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&')
}

function verifies(content: string, sign: string, key: KeyObject): boolean {
  const check = (text: string) => {
    try {
      return createVerify('RSA-SHA256').update(text, 'utf8').verify(key, sign, 'base64')
    } catch {
      return false
    }
  }
  if (check(content)) return true
  // Alipay's own SDKs try once more with JSON-escaped slashes unescaped (the gateway may send "\/")
  return content.includes('\\/') && check(content.replaceAll('\\/', '/'))
}

function rsaKey(name: string, text: string, kind: 'private' | 'public'): KeyObject {
  const candidates = keyCandidates(text, kind)
  for (const make of candidates) {
    try {
      const key = make()
      if (key.asymmetricKeyType === 'rsa') return key
    } catch {
      // try the next encoding
    }
  }
  throw new Error(
    `${name} is not an RSA ${kind} key (expected PEM, or base64 ${kind === 'private' ? 'PKCS#8/PKCS#1' : 'SPKI/PKCS#1'})`,
  )
}

function keyCandidates(text: string, kind: 'private' | 'public'): (() => KeyObject)[] {
  // a PEM held in an environment variable often arrives with literal \n
  const trimmed = (text ?? '').trim().replaceAll('\\n', '\n')
  const create = kind === 'private' ? createPrivateKey : createPublicKey
  if (trimmed.includes('-----BEGIN')) return [() => create(trimmed)]
  const der = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64')
  if (der.length === 0) return []
  return kind === 'private'
    ? [
        () => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
        () => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' }),
      ]
    : [
        () => createPublicKey({ key: der, format: 'der', type: 'spki' }),
        () => createPublicKey({ key: der, format: 'der', type: 'pkcs1' }),
      ]
}

/**
 * The raw text of each member of a top-level JSON object, exactly as it was sent: the signature
 * covers those bytes, so the member must not be re-serialized. Throws on anything but an object.
 */
export function topLevelMembers(text: string): Map<string, string> {
  const members = new Map<string, string>()
  let i = skipSpace(text, 0)
  if (text[i] !== '{') throw new SyntaxError('not a JSON object')
  i = skipSpace(text, i + 1)
  if (text[i] === '}') return members
  for (;;) {
    if (text[i] !== '"') throw new SyntaxError('expected a member name')
    const keyEnd = endOfString(text, i)
    const key = JSON.parse(text.slice(i, keyEnd)) as string
    i = skipSpace(text, keyEnd)
    if (text[i] !== ':') throw new SyntaxError('expected :')
    i = skipSpace(text, i + 1)
    const valueEnd = endOfValue(text, i)
    members.set(key, text.slice(i, valueEnd))
    i = skipSpace(text, valueEnd)
    if (text[i] === ',') {
      i = skipSpace(text, i + 1)
      continue
    }
    if (text[i] === '}') return members
    throw new SyntaxError('expected , or }')
  }
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++
  return i
}

function endOfString(text: string, start: number): number {
  let i = start + 1
  while (i < text.length) {
    if (text[i] === '\\') i += 2
    else if (text[i] === '"') return i + 1
    else i++
  }
  throw new SyntaxError('unterminated string')
}

function endOfValue(text: string, start: number): number {
  const first = text[start]
  if (first === '"') return endOfString(text, start)
  if (first === '{' || first === '[') {
    let depth = 0
    let i = start
    while (i < text.length) {
      const c = text[i]
      if (c === '"') {
        i = endOfString(text, i)
        continue
      }
      if (c === '{' || c === '[') depth++
      else if (c === '}' || c === ']') {
        depth--
        if (depth === 0) return i + 1
      }
      i++
    }
    throw new SyntaxError('unterminated value')
  }
  let i = start
  while (i < text.length && !',}] \t\n\r'.includes(text[i] as string)) i++
  if (i === start) throw new SyntaxError('expected a value')
  return i
}
