import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { chinaDate, chinaDayStart } from '@gjj/shared/clock'
import { addDays } from '@gjj/shared/date'
import { nowSeconds } from '../lib/clock'
import { config } from '../lib/config'
import { AppError, ServiceUnavailable, TooManyRequests } from '../lib/errors'
import { log } from '../lib/log'
import {
  consumeSmsCode,
  depositorQuotaSubject,
  getSmsCode,
  getSmsQuotas,
  phoneQuotaSubject,
  putSmsCode,
  recordSmsSend,
  recordWrongCode,
  type SmsCodeItem,
  type SmsQuota,
} from '../repository/sms'
import { transact } from '../repository/transaction'
import { createSmsSender, phoneDigest, type SmsPurpose, SmsRefused, type SmsSender, SmsUnavailable } from '../sms/index'

/**
 * SMS verification codes (BUSINESS-RULES "Identity and security", issue 11; decision 48): 6 digits,
 * 5 minutes, one purpose, stored only as a salted hash, dead after 3 wrong tries or one use. Caps
 * per phone number AND per depositor: 1 a minute, 5 an hour, 10 a China calendar day → 429 with
 * the wait. The answer is the same whoever the phone number belongs to.
 */
export const CODE_SECONDS = 5 * 60
export const RESEND_SECONDS = 60
export const MAX_WRONG_TRIES = 3
const PER_HOUR = 5
const PER_DAY = 10

let sender: SmsSender | undefined
function smsSender(): SmsSender {
  sender ??= createSmsSender({
    stage: config.stage,
    provider: config.sms.provider,
    ...(config.sms.outboxFile ? { outboxFile: config.sms.outboxFile } : {}),
    aliyun: config.sms.aliyun,
  })
  return sender
}

const codeHash = (salt: string, purpose: string, phone: string, code: string) =>
  createHash('sha256').update(`${salt}:${purpose}:${phone}:${code}`).digest('hex')

/** how long `sends` (epoch seconds) make the next send wait at `now`, and why; undefined: it may go */
export function quotaWait(sends: number[], now: number): { seconds: number; message: string } | undefined {
  const last = Math.max(0, ...sends)
  if (last > now - RESEND_SECONDS) {
    const seconds = last + RESEND_SECONDS - now
    return { seconds, message: `获取验证码过于频繁，请 ${seconds} 秒后再试` }
  }
  const lastHour = sends.filter((t) => t > now - 3600).sort((a, b) => a - b)
  if (lastHour.length >= PER_HOUR) {
    const seconds = (lastHour[lastHour.length - PER_HOUR] as number) + 3600 - now
    return { seconds, message: `一小时内获取验证码已达 ${PER_HOUR} 次，请 ${Math.ceil(seconds / 60)} 分钟后再试` }
  }
  const today = chinaDate(now * 1000)
  if (sends.filter((t) => chinaDate(t * 1000) === today).length >= PER_DAY) {
    const seconds = Math.ceil((Date.parse(chinaDayStart(addDays(today, 1))) - now * 1000) / 1000)
    return { seconds, message: `今日获取验证码已达 ${PER_DAY} 次，请明天再试` }
  }
  return undefined
}

/**
 * Issues a code for `purpose` to `phone` on behalf of `depositorId`: checks both caps, writes the
 * hashed code and both quotas in one transaction (a racing send loses and is told to wait), then
 * hands the code to the SMS sender.
 */
export async function issueCode(depositorId: string, phone: string, purpose: SmsPurpose) {
  const now = nowSeconds()
  const subjects = [phoneQuotaSubject(phone), depositorQuotaSubject(depositorId)]
  const quotas = await getSmsQuotas(subjects)
  const waits = subjects
    .map((s) => quotaWait((quotas.get(s) as SmsQuota).sends, now))
    .filter((w): w is NonNullable<typeof w> => w !== undefined)
    .sort((a, b) => b.seconds - a.seconds)
  const wait = waits[0]
  if (wait) throw new TooManyRequests(wait.message, wait.seconds)

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const salt = randomBytes(16).toString('base64url')
  const item: SmsCodeItem = {
    depositorId,
    purpose,
    phoneDigest: phoneDigest(phone),
    salt,
    codeHash: codeHash(salt, purpose, phone, code),
    failures: 0,
    sentAt: now,
    expiresAt: now + CODE_SECONDS,
  }
  const outcome = await transact([
    ...subjects.map((s) => {
      const q = quotas.get(s) as SmsQuota
      return recordSmsSend(q, [...q.sends.filter((t) => t > now - 86_400), now], now)
    }),
    putSmsCode(item),
  ])
  if (!outcome.ok) throw new TooManyRequests(`获取验证码过于频繁，请 ${RESEND_SECONDS} 秒后再试`, RESEND_SECONDS)

  try {
    await smsSender().sendCode(phone, code, purpose)
  } catch (error) {
    if (error instanceof SmsRefused) {
      log.warn('sms refused', { detail: error.detail, purpose })
      throw new AppError(422, error.code, error.message)
    }
    if (error instanceof SmsUnavailable) {
      log.warn('sms provider unavailable', { detail: error.detail, purpose })
      throw new ServiceUnavailable(error.message, RESEND_SECONDS)
    }
    throw error
  }
  return { expiresInSeconds: CODE_SECONDS, resendAfterSeconds: RESEND_SECONDS }
}

const codeIssue = (message: string) =>
  new AppError(422, 'SMS_CODE_INVALID', message, { issues: [{ path: ['smsCode'], message }] })
const expired = () => codeIssue('验证码已失效，请重新获取验证码')

/**
 * Checks `code` for (`depositorId`, `purpose`, `phone`): right → the Write that uses it up, to go in
 * the transaction of the change it allows; wrong → one try fewer and 422 (the 3rd wrong try kills
 * it); expired, used, never sent, for another purpose or for another phone → 422 验证码已失效.
 */
export async function checkCode(depositorId: string, purpose: SmsPurpose, phone: string, code: string) {
  const now = nowSeconds()
  const stored = await getSmsCode(depositorId, purpose)
  if (!stored || stored.expiresAt <= now || stored.failures >= MAX_WRONG_TRIES) throw expired()
  const expected = Buffer.from(stored.codeHash, 'hex')
  const given = Buffer.from(codeHash(stored.salt, purpose, phone, code), 'hex')
  const right = stored.phoneDigest === phoneDigest(phone) && timingSafeEqual(expected, given)
  if (!right) {
    const failures = await recordWrongCode(stored, now, MAX_WRONG_TRIES)
    if (failures === undefined) throw expired()
    const left = MAX_WRONG_TRIES - failures
    throw codeIssue(left > 0 ? `验证码错误，还可尝试 ${left} 次` : '验证码错误次数过多，请重新获取验证码')
  }
  return consumeSmsCode(stored, now, MAX_WRONG_TRIES)
}

/** what a lost race on the code means to the person */
export const codeGone = expired
