import { createHash, timingSafeEqual } from 'node:crypto'
import { DOCUMENT_TITLES, type VERIFY_STATUSES } from '@gjj/shared/api/documents'
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

/** what a document is worth today: 作废 first, then 过期 after its last valid China date */
export const statusOf = (
  doc: Pick<documents.DocumentItem, 'revoked' | 'validUntil'>,
): (typeof VERIFY_STATUSES)[number] => (doc.revoked ? 'revoked' : today() > doc.validUntil ? 'expired' : 'valid')

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
  return { ...standingOf(doc), sizeBytes: doc.sizeBytes }
}

/** what a document is today, as the verification page and the counter's 证明作废 show it */
export function standingOf(doc: documents.DocumentItem) {
  return {
    status: statusOf(doc),
    number: doc.number,
    kind: doc.kind,
    title: DOCUMENT_TITLES[doc.kind],
    centerName: doc.centerName,
    issuedAt: doc.issuedAt,
    validUntil: doc.validUntil,
    sha256: doc.sha256,
    facts: doc.facts,
  }
}
