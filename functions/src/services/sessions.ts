import { nowIso, nowSeconds } from '../lib/clock'
import { Conflict } from '../lib/errors'
import { newToken, tokenHash } from '../lib/tokens'
import {
  deleteSession,
  type OwnerChanged,
  putSession,
  type SessionData,
  sessionOwnerOf,
  touchSession,
} from '../repository/sessions'
import type { Write } from '../repository/transaction'

/**
 * A session ends after 30 minutes without use, 12 hours after sign-in whatever the use, at once on
 * 退出当前账号, and at once when its owner's password or phone changes (repository/sessions.ts).
 */
export const IDLE_TIMEOUT_SECONDS = 30 * 60
export const MAX_SESSION_SECONDS = 12 * 60 * 60

/**
 * `guard`: the owner's record is still as it was when sign-in was decided (its version), so a
 * password or phone change that lands meanwhile makes this sign-in fail instead of leaving a
 * session the change could not end. Every sign-in path passes one; tests may open sessions directly.
 */
export async function openSession(data: SessionData, guard?: Write<OwnerChanged>) {
  const token = newToken()
  const now = nowSeconds()
  const expiresAt = now + IDLE_TIMEOUT_SECONDS
  const opened = await putSession(
    tokenHash(token),
    data,
    { createdAt: nowIso(), expiresAt, endsAt: now + MAX_SESSION_SECONDS },
    guard,
  )
  if (!opened.ok) throw new Conflict('ACCOUNT_CHANGED', '您的账号信息刚刚发生了变化，请重新登录')
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

export async function closeSession(caller: SessionData, token: string): Promise<void> {
  await deleteSession(sessionOwnerOf(caller), tokenHash(token))
}
