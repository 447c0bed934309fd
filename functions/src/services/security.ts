import type { ParsedInputOf } from '@gjj/shared/api/contract'
import type { changeHotlinePassword, changePassword, changePhone, sendSmsCode } from '@gjj/shared/api/profile'
import { checkHotlinePasswordOf, maskPhone } from '@gjj/shared/validation'
import { nowIso } from '../lib/clock'
import { Conflict, RuleViolation, Unauthorized } from '../lib/errors'
import { hashPassword } from '../lib/password'
import { newId, tokenHash } from '../lib/tokens'
import { recordAudit } from '../repository/audit'
import * as depositors from '../repository/depositors'
import { depositorLockId } from '../repository/limits'
import { type DepositorSession, revokeSessions } from '../repository/sessions'
import { checkOwnPassword } from './login-guard'
import { checkCode, codeGone, issueCode } from './sms'

/**
 * 修改手机号码 (manual 5.1.3), APP/微信/网厅密码修改 (7.4.1), 12329 密码修改 (7.4.2). The depositor is
 * always the session's; a phone or login password change ends every other session of theirs
 * (decision 50) and writes an audit entry.
 */
const audit = (caller: DepositorSession, action: string, at: string, detail: Record<string, unknown> = {}) =>
  recordAudit({
    at,
    id: newId('AU'),
    actor: `depositor:${caller.depositorId}`,
    action,
    target: `depositor:${caller.depositorId}`,
    detail: { centerCode: caller.centerCode, channel: caller.channel, ...detail },
  })

async function me(caller: DepositorSession) {
  const d = await depositors.getDepositor(caller.depositorId)
  if (!d) throw new Unauthorized()
  return d
}

const changedMeanwhile = () => new Conflict('PROFILE_CHANGED', '您的信息刚刚发生了变化，请重新操作')

export async function sendChangePhoneCode(caller: DepositorSession, input: ParsedInputOf<typeof sendSmsCode>) {
  return issueCode(caller.depositorId, input.phone, 'changePhone')
}

export async function changePhoneNumber(
  caller: DepositorSession,
  token: string | undefined,
  input: ParsedInputOf<typeof changePhone>,
) {
  const d = await me(caller)
  const use = await checkCode(caller.depositorId, 'changePhone', input.newPhone, input.smsCode)
  if (input.newPhone === d.phone) {
    throw new RuleViolation('SAME_PHONE', '新手机号码与当前手机号码相同', [
      { path: ['newPhone'], message: '新手机号码与当前手机号码相同' },
    ])
  }
  const at = nowIso()
  const outcome = await depositors.changePhoneNumber(d, input.newPhone, at, [
    use,
    audit(caller, 'depositor.changePhone', at, { phoneMasked: maskPhone(input.newPhone) }),
  ])
  if (!outcome.ok) {
    if (outcome.reason === 'phoneTaken') {
      throw new RuleViolation('PHONE_TAKEN', '该手机号码已被其他缴存人使用，请更换号码或到柜台办理', [
        { path: ['newPhone'], message: '该手机号码已被其他缴存人使用' },
      ])
    }
    if (outcome.reason === 'codeGone') throw codeGone()
    throw changedMeanwhile()
  }
  await revokeSessions({ kind: 'depositor', id: caller.depositorId }, token ? tokenHash(token) : undefined)
  return { phoneMasked: maskPhone(input.newPhone) }
}

export async function changeLoginPassword(
  caller: DepositorSession,
  token: string | undefined,
  input: ParsedInputOf<typeof changePassword>,
) {
  const d = await me(caller)
  await checkOwnPassword(depositorLockId(d.depositorId), input.oldPassword, d.passwordHash)
  const at = nowIso()
  const outcome = await depositors.setPasswordHash(d, 'passwordHash', await hashPassword(input.newPassword), at, [
    audit(caller, 'depositor.changePassword', at),
  ])
  if (!outcome.ok) throw changedMeanwhile()
  await revokeSessions({ kind: 'depositor', id: caller.depositorId }, token ? tokenHash(token) : undefined)
  return { ok: true as const }
}

export async function changeHotline(caller: DepositorSession, input: ParsedInputOf<typeof changeHotlinePassword>) {
  const d = await me(caller)
  const personal = checkHotlinePasswordOf(input.newPassword, d.idNumber)
  if (!personal.ok) {
    throw new RuleViolation('HOTLINE_PASSWORD_POLICY', personal.message, [
      { path: ['newPassword'], message: personal.message },
    ])
  }
  await checkOwnPassword(depositorLockId(d.depositorId), input.oldPassword, d.hotlinePasswordHash, (left) =>
    left > 0 ? `原热线密码错误，还可尝试 ${left} 次` : '原密码错误次数过多',
  )
  const at = nowIso()
  const outcome = await depositors.setPasswordHash(
    d,
    'hotlinePasswordHash',
    await hashPassword(input.newPassword),
    at,
    [audit(caller, 'depositor.changeHotlinePassword', at)],
  )
  if (!outcome.ok) throw changedMeanwhile()
  return { ok: true as const }
}
