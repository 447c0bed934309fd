import type {
  resetPassword,
  sendPasswordResetCode,
  startPasswordReset,
  startPasswordResetFace,
} from '@gjj/shared/api/auth'
import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { maskPhone } from '@gjj/shared/validation'
import { nowIso, nowSeconds } from '../lib/clock'
import { AppError, Unauthorized } from '../lib/errors'
import { hashPassword } from '../lib/password'
import { newId, newToken, tokenHash } from '../lib/tokens'
import { recordAudit } from '../repository/audit'
import * as depositors from '../repository/depositors'
import { clearLoginLock, depositorLockId, getLoginLock } from '../repository/limits'
import {
  getPasswordReset,
  putPasswordReset,
  revokeSessions,
  setResetFace,
  takePasswordReset,
} from '../repository/sessions'
import type { Write } from '../repository/transaction'
import { alipayNotThePerson } from './auth'
import { requireFacePassed, startFaceFor, verifier } from './identity'
import { countFailure, limitClient, refuseIfLocked } from './login-guard'
import { checkCode, codeGone, issueCode } from './sms'

/**
 * 忘记密码 (issue 11, not in the manual; decision 51). Step 1 finds the person by center, ID number
 * and name: any mismatch (unknown ID number, wrong name, another center) gets one and the same
 * answer and counts toward the login lock — the person's when the ID number is theirs — under the
 * same per-client rate as login. Step 2 proves the person: an SMS code to the phone on record, or
 * the channel's own check of the same person — 支付宝身份验证 in Alipay, 刷脸 in WeChat (and in the
 * H5 build, where the local verifier stands in for it). Step 3 sets the new password, ends every session of
 * the person, clears their login lock and writes an audit entry.
 */
const RESET_SECONDS = 15 * 60

const mismatch = (left: number) =>
  new AppError(
    422,
    'RESET_IDENTITY_MISMATCH',
    left > 0
      ? `身份证号码、姓名与所选公积金中心的登记信息不一致，请核对后重试（还可尝试 ${left} 次）`
      : '身份证号码、姓名与所选公积金中心的登记信息不一致',
  )

const resetExpired = () => new Unauthorized('操作已超时，请重新开始找回密码')

export async function start(input: ParsedInputOf<typeof startPasswordReset>, client: string) {
  await limitClient('password-reset', client, '找回密码尝试过于频繁，请稍后再试')
  const id = await depositors.findDepositorId('idNumber', input.idNumber)
  const lockId = id ? depositorLockId(id) : `idNumber#${input.idNumber}`
  const [lock, d] = await Promise.all([getLoginLock(lockId), id ? depositors.getDepositor(id) : undefined])
  refuseIfLocked(lock)
  const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '')
  if (!d || d.centerCode !== input.centerCode || !same(d.name, input.name)) return countFailure(lockId, mismatch)

  const token = newToken()
  const expiresAt = nowSeconds() + RESET_SECONDS
  await putPasswordReset(tokenHash(token), { depositorId: d.depositorId, channel: input.channel, expiresAt })
  return {
    resetToken: token,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
    phoneMasked: maskPhone(d.phone),
    methods: methodsFor(input.channel),
  }
}

/** what proves the person besides the SMS code: the channel's own identity check (as at first login) */
function methodsFor(channel: string): ('sms' | 'alipay' | 'face')[] {
  if (channel === 'alipay') return ['sms', 'alipay']
  if (channel === 'weapp' || channel === 'h5') return ['sms', 'face']
  return ['sms']
}

async function personOf(resetToken: string) {
  const reset = await getPasswordReset(tokenHash(resetToken), nowSeconds())
  if (!reset) throw resetExpired()
  const d = await depositors.getDepositor(reset.depositorId)
  if (!d) throw resetExpired()
  return { reset, d }
}

export async function sendCode(input: ParsedInputOf<typeof sendPasswordResetCode>) {
  const { d } = await personOf(input.resetToken)
  return issueCode(d.depositorId, d.phone, 'resetPassword')
}

/** 刷脸 instead of the SMS code: the verify id is kept on the reset; its result is checked at the end */
export async function startFace(input: ParsedInputOf<typeof startPasswordResetFace>) {
  const { reset, d } = await personOf(input.resetToken)
  if (!methodsFor(reset.channel).includes('face')) throw methodNotOffered()
  const { face } = await startFaceFor({ name: d.name, idNumber: d.idNumber }, input.wxCode)
  if (!(await setResetFace(tokenHash(input.resetToken), face.verifyId, nowSeconds()))) throw resetExpired()
  return { verifyId: face.verifyId, expiresInSeconds: face.expiresInSeconds }
}

const methodNotOffered = () => new AppError(422, 'METHOD_NOT_OFFERED', '请使用短信验证码找回密码')

export async function complete(input: ParsedInputOf<typeof resetPassword>) {
  const { reset, d } = await personOf(input.resetToken)
  const now = nowSeconds()
  const also: Write<{ reason: 'codeGone' } | { reason: 'resetGone' }>[] = []
  if (!methodsFor(reset.channel).includes(input.method)) throw methodNotOffered()
  if (input.method === 'sms') {
    also.push(await checkCode(d.depositorId, 'resetPassword', d.phone, input.smsCode as string))
  } else if (input.method === 'face') {
    // the verify id must be the one started for this reset, and its result this person's
    if (reset.faceVerifyId !== input.verifyId) throw new AppError(422, 'FACE_NOT_PASSED', '请先完成刷脸验证')
    await requireFacePassed(input.verifyId as string, d.idNumber)
  } else {
    const { samePerson } = await verifier().alipayVerify(input.authCode as string, {
      name: d.name,
      idNumber: d.idNumber,
    })
    if (!samePerson) throw alipayNotThePerson()
  }
  const at = nowIso()
  const outcome = await depositors.setPasswordHash<{ reason: 'codeGone' } | { reason: 'resetGone' }>(
    d,
    'passwordHash',
    await hashPassword(input.newPassword),
    at,
    [
      ...also,
      takePasswordReset(tokenHash(input.resetToken), now),
      recordAudit({
        at,
        id: newId('AU'),
        actor: `depositor:${d.depositorId}`,
        action: 'depositor.resetPassword',
        target: `depositor:${d.depositorId}`,
        detail: { centerCode: d.centerCode, channel: reset.channel, method: input.method },
      }),
    ],
  )
  if (!outcome.ok) {
    if (outcome.reason === 'codeGone') throw codeGone()
    if (outcome.reason === 'resetGone') throw resetExpired()
    throw new AppError(409, 'PROFILE_CHANGED', '您的信息刚刚发生了变化，请重新开始找回密码')
  }
  await Promise.all([
    revokeSessions({ kind: 'depositor', id: d.depositorId }),
    clearLoginLock(depositorLockId(d.depositorId)),
  ])
  return { ok: true as const }
}
