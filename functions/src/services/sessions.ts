import { nowIso, nowSeconds } from '../lib/clock'
import { Conflict, Unauthorized } from '../lib/errors'
import { type CallerOf, checkAudience } from '../lib/http'
import { newToken, tokenHash } from '../lib/tokens'
import {
  deleteSession,
  getSessionWith,
  type OwnerChanged,
  putSession,
  refreshSession,
  type SessionData,
  type SessionEnded,
  sessionOwnerOf,
  touchSession,
} from '../repository/sessions'
import type { StoredItem, Write } from '../repository/transaction'

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

/**
 * The session behind a token read together with `keys` (one strongly consistent BatchGetItem,
 * decision 85): 401 when it is missing, idle past its deadline or past its end, 403 when it is of
 * the other audience — before anything of the items can be answered. Its idle deadline moves with
 * `refresh`, which the caller puts into its own transaction (a session that ends in between makes
 * the transaction fail: `sessionEnded`, answered 401 by `endedSession`).
 */
export async function authenticateWith<A extends 'depositor' | 'staff'>(
  token: string,
  audience: A,
  keys: { pk: string; sk: string }[],
): Promise<{ caller: CallerOf<A>; items: StoredItem[]; refresh: Write<SessionEnded> }> {
  if (token.length > 128) throw new Unauthorized()
  const now = nowSeconds()
  const hash = tokenHash(token)
  const { session, items } = await getSessionWith(hash, now, keys)
  if (!session) throw new Unauthorized()
  const { expiresAt: _idle, ...data } = session
  return {
    caller: checkAudience(audience, data),
    items,
    refresh: refreshSession(hash, now, now + IDLE_TIMEOUT_SECONDS, nowIso()),
  }
}

/** the answer to a transaction whose session ended after it was read */
export const endedSession = () => new Unauthorized()

export async function closeSession(caller: SessionData, token: string): Promise<void> {
  await deleteSession(sessionOwnerOf(caller), tokenHash(token))
}
