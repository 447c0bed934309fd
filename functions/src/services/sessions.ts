import { nowIso, nowSeconds } from '../lib/clock'
import { newToken, tokenHash } from '../lib/tokens'
import { deleteSession, putSession, type SessionData, touchSession } from '../repository/sessions'

/** A session ends after 30 minutes without use, and at once on 退出当前账号. */
export const IDLE_TIMEOUT_SECONDS = 30 * 60

export async function openSession(data: SessionData) {
  const token = newToken()
  const expiresAt = nowSeconds() + IDLE_TIMEOUT_SECONDS
  await putSession(tokenHash(token), data, expiresAt, nowIso())
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString(), idleTimeoutSeconds: IDLE_TIMEOUT_SECONDS }
}

/** the session behind a token, refreshed; undefined when missing, expired or revoked */
export async function authenticate(token: string): Promise<SessionData | undefined> {
  if (token.length > 128) return undefined
  const now = nowSeconds()
  const session = await touchSession(tokenHash(token), now, now + IDLE_TIMEOUT_SECONDS, nowIso())
  if (!session) return undefined
  const { kind } = session
  if (kind === 'depositor') {
    const { depositorId, centerCode, accountNo, loanNo, channel } = session
    return { kind, depositorId, centerCode, accountNo, loanNo: loanNo ?? null, channel }
  }
  const { staffId, centerCode, role } = session
  return { kind, staffId, centerCode, role }
}

export async function closeSession(token: string): Promise<void> {
  await deleteSession(tokenHash(token))
}
