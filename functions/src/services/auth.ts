import type { completeFirstLoginVerification, login, startFirstLoginVerification } from '@gjj/shared/api/auth'
import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { maskIdNumber, maskPhone } from '@gjj/shared/validation'
import { nowIso, nowSeconds } from '../lib/clock'
import { AppError, Forbidden, NotFound, Unauthorized } from '../lib/errors'
import { newToken, tokenHash } from '../lib/tokens'
import { getCenter } from '../repository/centers'
import * as depositors from '../repository/depositors'
import { depositorLockId } from '../repository/limits'
import { type DepositorSession, peekTicket, putTicket, setTicketFace, takeTicket } from '../repository/sessions'
import { requireFacePassed, startFaceFor, verifier } from './identity'
import { checkPassword } from './login-guard'
import { openSession } from './sessions'

const TICKET_SECONDS = 10 * 60

async function summary(d: depositors.DepositorItem) {
  const center = await getCenter(d.centerCode)
  if (!center) throw new NotFound('查无您的信息，请确认所选公积金中心')
  const { region: _region, ...c } = center
  return {
    name: d.name,
    idNumberMasked: maskIdNumber(d.idNumber),
    phoneMasked: maskPhone(d.phone),
    center: c,
    privacyAcceptedVersion: d.privacyAcceptedVersion ?? null,
  }
}

/** `checkedVersion`: the depositor's version when their password was checked */
async function signIn(d: depositors.DepositorItem, channel: DepositorSession['channel'], checkedVersion = d.version) {
  const [session, depositor] = await Promise.all([
    openSession(
      {
        kind: 'depositor',
        depositorId: d.depositorId,
        centerCode: d.centerCode,
        accountNo: d.accountNo,
        loanNo: d.loanNo,
        channel,
      },
      depositors.depositorUnchanged(d.depositorId, checkedVersion),
    ),
    summary(d),
  ])
  return { status: 'ok' as const, session, depositor }
}

/**
 * 登录 (manual 2.1.2). Errors never tell whether a phone or ID number exists: an unknown account
 * costs the same scrypt work and counts toward the same lock as a wrong password. The wrong
 * center is only named once the password is right.
 */
export async function signInWithPassword(input: ParsedInputOf<typeof login>, client: string) {
  const { type, value } = input.account
  const depositor = await checkPassword({
    scope: 'login',
    client,
    identifier: `${type}#${value}`,
    password: input.password,
    resolve: () => depositors.findDepositorId(type, value),
    load: (id) => depositors.getDepositor(id),
    lockOf: depositorLockId,
    wrong: (left) => `账号或密码错误，还可尝试 ${left} 次`,
  })
  if (depositor.centerCode !== input.centerCode) {
    throw new AppError(404, 'WRONG_CENTER', '查无您的信息，请确认所选公积金中心')
  }
  if (await depositors.isDeviceVerified(depositor.depositorId, input.channel, input.deviceId)) {
    return signIn(depositor, input.channel)
  }
  // first login on this device and channel: 支付宝授权 or 刷脸 before a session is issued
  const ticket = newToken()
  const expiresAt = nowSeconds() + TICKET_SECONDS
  await putTicket(tokenHash(ticket), {
    depositorId: depositor.depositorId,
    channel: input.channel,
    deviceId: input.deviceId,
    expiresAt,
    depositorVersion: depositor.version,
  })
  return {
    status: 'verificationRequired' as const,
    ticket,
    ticketExpiresAt: new Date(expiresAt * 1000).toISOString(),
    // 刷脸 runs inside WeChat, 支付宝授权 inside Alipay; the H5 build (local verifier) offers both
    methods: (input.channel === 'weapp' ? ['face'] : input.channel === 'alipay' ? ['alipay'] : ['alipay', 'face']) as (
      | 'alipay'
      | 'face'
    )[],
  }
}

const ticketExpired = () => new Unauthorized('验证已超时，请重新登录')

export async function startVerification(input: ParsedInputOf<typeof startFirstLoginVerification>) {
  const hash = tokenHash(input.ticket)
  const ticket = await peekTicket(hash, nowSeconds())
  if (!ticket) throw ticketExpired()
  // auth_user: alipay.user.info.share tells the account's certified ID number (decision 52)
  if (input.method === 'alipay') return { method: 'alipay' as const, scopes: ['auth_user'] }
  const depositor = await depositors.getDepositor(ticket.depositorId)
  if (!depositor) throw ticketExpired()
  const { face, wechat } = await startFaceFor({ name: depositor.name, idNumber: depositor.idNumber }, input.wxCode)
  const stored = await setTicketFace(
    hash,
    {
      faceVerifyId: face.verifyId,
      ...(wechat ? { wechatOpenid: wechat.openid, wechatSessionKey: wechat.sessionKey } : {}),
    },
    nowSeconds(),
  )
  if (!stored) throw ticketExpired()
  return { method: 'face' as const, verifyId: face.verifyId, expiresInSeconds: face.expiresInSeconds }
}

export const alipayNotThePerson = () =>
  new AppError(
    422,
    'ALIPAY_NOT_SAME_PERSON',
    '该支付宝账号的实名信息与您的身份信息不一致，请使用本人实名认证的支付宝账号授权，或选择刷脸验证',
  )

export async function completeVerification(input: ParsedInputOf<typeof completeFirstLoginVerification>) {
  const hash = tokenHash(input.ticket)
  const ticket = await peekTicket(hash, nowSeconds())
  if (!ticket) throw ticketExpired()
  const depositor = await depositors.getDepositor(ticket.depositorId)
  if (!depositor) throw ticketExpired()

  if (input.method === 'alipay') {
    // the Alipay account must be certified as this person (decision 52), not just any account
    const { userId: alipayUserId, samePerson } = await verifier().alipayVerify(input.authCode, {
      name: depositor.name,
      idNumber: depositor.idNumber,
    })
    if (!samePerson) throw alipayNotThePerson()
    if (!(await depositors.bindAlipayUser(depositor.depositorId, alipayUserId, nowIso()))) {
      throw new Forbidden('该支付宝账号与您绑定的支付宝账号不一致，请使用本人支付宝授权或刷脸验证')
    }
  } else {
    if (!ticket.faceVerifyId || ticket.faceVerifyId !== input.verifyId) throw ticketExpired()
    await requireFacePassed(input.verifyId, depositor.idNumber)
  }
  // a ticket completes one login only
  if (!(await takeTicket(hash, nowSeconds()))) throw ticketExpired()
  await depositors.markDeviceVerified(depositor.depositorId, ticket.channel, ticket.deviceId, input.method, nowIso())
  return signIn(depositor, ticket.channel as DepositorSession['channel'], ticket.depositorVersion ?? depositor.version)
}

export async function currentDepositor(session: DepositorSession) {
  const depositor = await depositors.getDepositor(session.depositorId)
  if (!depositor) throw new Unauthorized()
  return summary(depositor)
}
