import { createHash, randomUUID } from 'node:crypto'
import { DEFAULT_TIMEOUT_MS, exchange, redact } from './http'
import { type IdentityVerifier, ProviderUnavailable, VerificationFailed } from './verifier'

/**
 * WeChat server APIs of the mini-program:
 * - getAccessToken: GET /cgi-bin/token?grant_type=client_credential&appid&secret → {access_token, expires_in}
 *   (kept in memory until 5 minutes before it expires; one refetch when an API says the token is
 *   invalid or expired: errcode 40001 / 40014 / 42001)
 * - code2Session: GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code →
 *   {openid, session_key, unionid?} or {errcode: 40029 | 45011 | 40226 | -1, errmsg}
 * - 微信人脸核身 getVerifyId: POST /cityservice/face/identify/getverifyid?access_token
 *   {out_seq_no, cert_info: {cert_type: "IDENTITY_CARD", cert_name, cert_no}, openid} → {errcode, errmsg, verify_id, expires_in}
 * - queryVerifyInfo: POST /cityservice/face/identify/queryverifyinfo?access_token
 *   {verify_id, out_seq_no, cert_hash, openid} → {errcode, errmsg, verify_ret}; passed only when
 *   errcode = 0 and verify_ret = 10000.
 *
 * queryVerifyInfo needs what getVerifyId was given (out_seq_no, openid, cert_hash), so startFace keeps
 * it in a FaceSessionStore under the verify id. Nothing here logs, and no error carries the ID
 * number, the app secret or a URL.
 */
export const WECHAT_API = 'https://api.weixin.qq.com'
const TOKEN_REFRESH_MARGIN_SECONDS = 5 * 60
/** access_token invalid / not latest, illegal access_token, access_token expired */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001])
/** system busy, daily quota reached, minute quota reached */
const BUSY_ERRCODES = new Set([-1, 45009, 45011])
const VERIFY_PASSED = 10000
/** how long a face session stays queryable after its verify id stops accepting new attempts */
const RESULT_GRACE_SECONDS = 10 * 60

export interface FaceSession {
  outSeqNo: string
  openid: string
  /** the documented digest of cert_info (no raw ID number) */
  certHash: string
  /** hex SHA-256 of the ID number as the caller gave it, returned by faceResult for the caller's check */
  idNumberHash: string
  /** epoch seconds; a store may use it as a TTL */
  expiresAt: number
}

/**
 * Where a started face verification waits for its result. The start and the result run in different
 * Lambda functions, so a deployed stage needs a shared store (a DynamoDB item with TTL `expiresAt`);
 * memoryFaceSessions() serves one process only (tests, local).
 */
export interface FaceSessionStore {
  put(verifyId: string, session: FaceSession): Promise<void>
  get(verifyId: string): Promise<FaceSession | undefined>
}

export function memoryFaceSessions(now: () => number = Date.now): FaceSessionStore {
  const sessions = new Map<string, FaceSession>()
  return {
    async put(verifyId, session) {
      const seconds = now() / 1000
      for (const [id, s] of sessions) if (s.expiresAt <= seconds) sessions.delete(id)
      sessions.set(verifyId, session)
    },
    async get(verifyId) {
      const session = sessions.get(verifyId)
      return session && session.expiresAt > now() / 1000 ? session : undefined
    },
  }
}

export interface WechatOptions {
  appId: string
  appSecret: string
  /** default https://api.weixin.qq.com */
  baseUrl?: string
  timeoutMs?: number
  faceSessions?: FaceSessionStore
  /** epoch milliseconds */
  now?: () => number
}

export interface CertInfo {
  cert_type: string
  cert_name: string
  cert_no: string
}

/**
 * cert_hash of queryVerifyInfo: standard base64 of cert_type, cert_name and cert_no, joined as
 * "cert_type=..&cert_name=..&cert_no=..", SHA-256, lower-case hex.
 */
export function certHash(cert: CertInfo): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64')
  const joined = `cert_type=${b64(cert.cert_type)}&cert_name=${b64(cert.cert_name)}&cert_no=${b64(cert.cert_no)}`
  return sha256(joined)
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

type Body = Record<string, unknown>

export class WechatClient implements Pick<IdentityVerifier, 'wechatSession' | 'startFace' | 'faceResult'> {
  readonly #appId: string
  readonly #appSecret: string
  readonly #baseUrl: string
  readonly #timeoutMs: number
  readonly #sessions: FaceSessionStore
  readonly #now: () => number
  #token: { value: string; refreshAt: number } | undefined
  #tokenInFlight: Promise<string> | undefined

  constructor(options: WechatOptions) {
    this.#appId = options.appId
    this.#appSecret = options.appSecret
    this.#baseUrl = (options.baseUrl ?? WECHAT_API).replace(/\/+$/, '')
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.#now = options.now ?? Date.now
    this.#sessions = options.faceSessions ?? memoryFaceSessions(this.#now)
  }

  /** the app's access_token, fetched once and reused until 5 minutes before it expires */
  accessToken(): Promise<string> {
    if (this.#token && this.#now() < this.#token.refreshAt) return Promise.resolve(this.#token.value)
    // concurrent callers share one fetch: every fetch issues a new token and retires the previous one
    this.#tokenInFlight ??= this.#fetchToken().finally(() => {
      this.#tokenInFlight = undefined
    })
    return this.#tokenInFlight
  }

  async wechatSession(code: string): Promise<{ openid: string; unionid?: string; sessionKey: string }> {
    const expired = (detail: string) => new VerificationFailed('微信登录已失效，请重新进入小程序', detail)
    if (typeof code !== 'string' || code.trim() === '') throw expired('wechat jscode2session: empty code')
    const query = new URLSearchParams({
      appid: this.#appId,
      secret: this.#appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    })
    const body = await this.#json('wechat jscode2session', `${this.#baseUrl}/sns/jscode2session?${query}`, {
      method: 'GET',
    })
    const errcode = errcodeOf(body)
    const what = `wechat jscode2session: errcode ${errcode} ${redact(body.errmsg)}`
    if (errcode === 40029) throw expired(what)
    if (errcode === 40226) throw new VerificationFailed('当前微信账号存在安全风险，暂时无法登录', what)
    if (errcode !== 0) throw new ProviderUnavailable(what)
    const { openid, session_key: sessionKey, unionid } = body
    if (typeof openid !== 'string' || !openid || typeof sessionKey !== 'string' || !sessionKey) {
      throw new ProviderUnavailable('wechat jscode2session: answer without openid or session_key')
    }
    return typeof unionid === 'string' && unionid ? { openid, unionid, sessionKey } : { openid, sessionKey }
  }

  async startFace(person: {
    name: string
    idNumber: string
    openid?: string
  }): Promise<{ verifyId: string; expiresInSeconds: number }> {
    // the face flow runs inside WeChat for the user the openid names (same appid, same user)
    if (!person.openid) {
      throw new VerificationFailed('请在微信小程序中进行刷脸验证', 'wechat getverifyid: no openid for the person')
    }
    const certInfo: CertInfo = {
      cert_type: 'IDENTITY_CARD',
      cert_name: person.name.trim(),
      cert_no: person.idNumber.trim().toUpperCase(),
    }
    // 5–32 characters of [0-9A-Za-z_-], unique per appid
    const outSeqNo = randomUUID().replaceAll('-', '')
    const body = await this.#callWithToken('/cityservice/face/identify/getverifyid', {
      out_seq_no: outSeqNo,
      cert_info: certInfo,
      openid: person.openid,
    })
    const errcode = errcodeOf(body)
    const what = `wechat getverifyid: errcode ${errcode} ${redact(body.errmsg)}`
    if (errcode === 40003) throw new VerificationFailed('微信身份已失效，请重新进入小程序后再刷脸', what)
    if (errcode !== 0) throw new ProviderUnavailable(what)
    const verifyId = body.verify_id
    if (typeof verifyId !== 'string' || verifyId === '') {
      throw new ProviderUnavailable('wechat getverifyid: answer without verify_id')
    }
    const expiresInSeconds = positive(body.expires_in) ?? 3600
    await this.#sessions.put(verifyId, {
      outSeqNo,
      openid: person.openid,
      certHash: certHash(certInfo),
      idNumberHash: sha256(person.idNumber),
      expiresAt: Math.floor(this.#now() / 1000) + expiresInSeconds + RESULT_GRACE_SECONDS,
    })
    return { verifyId, expiresInSeconds }
  }

  async faceResult(verifyId: string): Promise<{ passed: boolean; idNumberHash?: string; message?: string }> {
    const session = typeof verifyId === 'string' && verifyId ? await this.#sessions.get(verifyId) : undefined
    if (!session) return { passed: false, message: '刷脸验证已过期，请重新刷脸' }
    const body = await this.#callWithToken('/cityservice/face/identify/queryverifyinfo', {
      verify_id: verifyId,
      out_seq_no: session.outSeqNo,
      cert_hash: session.certHash,
      openid: session.openid,
    })
    const errcode = errcodeOf(body)
    // (busy errcodes were already turned into ProviderUnavailable) any other errcode: WeChat refused the query itself (e.g. cert_info or openid not those of the start)
    if (errcode !== 0) return { passed: false, message: '刷脸验证未通过，请本人重新刷脸' }
    if (Number(body.verify_ret) === VERIFY_PASSED) return { passed: true, idNumberHash: session.idNumberHash }
    return { passed: false, message: faceMessage(Number(body.verify_ret)) }
  }

  async #fetchToken(): Promise<string> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: this.#appId, secret: this.#appSecret })
    const body = await this.#json('wechat token', `${this.#baseUrl}/cgi-bin/token?${query}`, { method: 'GET' })
    const token = body.access_token
    if (typeof token !== 'string' || token === '') {
      throw new ProviderUnavailable(`wechat token: errcode ${errcodeOf(body)} ${redact(body.errmsg)}`)
    }
    const expiresIn = positive(body.expires_in) ?? 7200
    const refreshIn = Math.max(expiresIn - TOKEN_REFRESH_MARGIN_SECONDS, 0)
    this.#token = { value: token, refreshAt: this.#now() + refreshIn * 1000 }
    return token
  }

  /** POST JSON to an API that takes the access_token; a token WeChat no longer accepts is refetched once */
  async #callWithToken(path: string, payload: Body): Promise<Body> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken()
      const body = await this.#json(
        `wechat ${path.split('/').at(-1)}`,
        `${this.#baseUrl}${path}?${new URLSearchParams({ access_token: token })}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
      )
      const errcode = errcodeOf(body)
      if (!TOKEN_ERRCODES.has(errcode)) return body
      if (this.#token?.value === token) this.#token = undefined
      if (attempt === 2)
        throw new ProviderUnavailable(`wechat ${path}: fresh access_token refused (errcode ${errcode})`)
    }
  }

  async #json(what: string, url: string, init: RequestInit): Promise<Body> {
    const res = await exchange(what, url, init, this.#timeoutMs)
    if (res.status !== 200) throw new ProviderUnavailable(`${what}: HTTP ${res.status}`)
    let body: unknown
    try {
      body = JSON.parse(res.text)
    } catch {
      throw new ProviderUnavailable(`${what}: answer is not JSON`)
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new ProviderUnavailable(`${what}: answer is not an object`)
    const errcode = errcodeOf(body as Body)
    if (BUSY_ERRCODES.has(errcode)) {
      throw new ProviderUnavailable(`${what}: errcode ${errcode} ${redact((body as Body).errmsg)}`)
    }
    return body as Body
  }
}

function errcodeOf(body: Body): number {
  const code = Number(body.errcode ?? 0)
  return Number.isFinite(code) ? code : -1
}

function positive(value: unknown): number | undefined {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : undefined
}

/** what the person can do after a verify_ret other than 10000 (识别成功) */
function faceMessage(verifyRet: number): string {
  if ([90002, 90003, 90004, 90005, 90006, 90024].includes(verifyRet)) return '刷脸已取消，请重新刷脸'
  if ([90008, 90009, 90010].includes(verifyRet)) return '请允许微信使用相机和麦克风后重新刷脸'
  if ([90001, 90109].includes(verifyRet)) return '当前手机不支持刷脸，请更换手机后重试'
  if ([90007, 90012, 90017, 90107].includes(verifyRet)) return '刷脸未完成（网络异常或超时），请重新刷脸'
  return '刷脸验证未通过，请本人重新刷脸'
}
