import { createHash, timingSafeEqual } from 'node:crypto'
import { DOCUMENT_TITLES } from '@gjj/shared/api/documents'
import { nowSeconds, today } from '../lib/clock'
import { config } from '../lib/config'
import { NotFound, TooManyRequests } from '../lib/errors'
import * as documents from '../repository/documents'
import { countHit, peekHits } from '../repository/limits'

/**
 * 电子证明验证 (public): apart from services/documents.ts so that the verification function's
 * bundle holds no PDF, font or QR code (decision 76).
 */
export const verifyUrlOf = (number: string, code: string) =>
  `${config.webBaseUrl}#/packages/docs/verify/index?number=${number}&code=${code}`

const sha256 = (text: string) => createHash('sha256').update(text).digest()

/** 30 wrong numbers or codes a minute from one client, then 429 (decision 76) */
export const VERIFY_WRONG_PER_MINUTE = 30
const UNVERIFIABLE = '无法验证：证明编号或验证码不正确，请核对后重试'

export async function verify(input: { number: string; code: string }, client: string) {
  const now = nowSeconds()
  const who = client || 'unknown'
  const before = await peekHits('DOCVERIFY', who, 60, now)
  if (before.hits >= VERIFY_WRONG_PER_MINUTE) {
    throw new TooManyRequests('验证次数过多，请1分钟后再试', before.retryAfterSeconds)
  }
  const doc = await documents.getDocument(input.number)
  const given = sha256(input.code)
  const genuine = doc !== undefined && timingSafeEqual(given, Buffer.from(doc.codeHash, 'hex'))
  if (!doc || !genuine) {
    const after = await countHit('DOCVERIFY', who, 60, now)
    if (after.hits > VERIFY_WRONG_PER_MINUTE) {
      throw new TooManyRequests('验证次数过多，请1分钟后再试', after.retryAfterSeconds)
    }
    throw new NotFound(UNVERIFIABLE)
  }
  const status = doc.revoked ? 'revoked' : today() > doc.validUntil ? 'expired' : 'valid'
  return {
    status,
    number: doc.number,
    kind: doc.kind,
    title: DOCUMENT_TITLES[doc.kind],
    centerName: doc.centerName,
    issuedAt: doc.issuedAt,
    validUntil: doc.validUntil,
    sha256: doc.sha256,
    sizeBytes: doc.sizeBytes,
    facts: doc.facts,
  } as const
}
