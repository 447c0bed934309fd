import { PRIVACY_VERSION } from '@gjj/shared/info/privacy'
import { nowIso } from '../lib/clock'
import { RuleViolation, Unauthorized } from '../lib/errors'
import { newId } from '../lib/tokens'
import { recordAudit } from '../repository/audit'
import { recordPrivacyConsent, withdrawPrivacyConsent } from '../repository/depositors'
import type { DepositorSession } from '../repository/sessions'

/**
 * 隐私声明 consent: only the current version can be agreed to (an app showing an older text is
 * told to show the new one); the version and instant go on the depositor's record, with an audit
 * entry, in one transaction.
 */
export async function accept(caller: DepositorSession, version: string) {
  if (version !== PRIVACY_VERSION) {
    throw new RuleViolation('PRIVACY_VERSION_OUTDATED', '隐私声明已更新，请阅读最新的隐私声明后再同意', [
      { path: ['version'], message: '隐私声明已更新，请阅读最新的隐私声明后再同意' },
    ])
  }
  const at = nowIso()
  const recorded = await recordPrivacyConsent(
    caller.depositorId,
    version,
    at,
    recordAudit({
      at,
      id: newId('AU'),
      actor: `depositor:${caller.depositorId}`,
      action: 'privacy.accept',
      target: `depositor:${caller.depositorId}`,
      detail: { version, centerCode: caller.centerCode, channel: caller.channel },
    }),
  )
  if (!recorded) throw new Unauthorized()
  return { version, acceptedAt: at }
}

/**
 * 撤回同意 (the statement's promise): the accepted version is removed from the depositor's record and
 * the withdrawal audited; the app then treats the person as not having agreed (only 房贷计算器 and
 * the statement), and the next 同意 is recorded again.
 */
export async function withdraw(caller: DepositorSession) {
  const at = nowIso()
  const done = await withdrawPrivacyConsent(
    caller.depositorId,
    at,
    recordAudit({
      at,
      id: newId('AU'),
      actor: `depositor:${caller.depositorId}`,
      action: 'privacy.withdraw',
      target: `depositor:${caller.depositorId}`,
      detail: { centerCode: caller.centerCode, channel: caller.channel },
    }),
  )
  if (!done) throw new Unauthorized()
  return { withdrawnAt: at }
}
