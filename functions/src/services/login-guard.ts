import { nowSeconds } from '../lib/clock'
import { AppError, TooManyRequests } from '../lib/errors'
import { DECOY_HASH, verifyPassword } from '../lib/password'
import { clearLoginLock, countHit, getLoginLock, recordLoginFailure } from '../repository/limits'

/**
 * The password check every login shares (BUSINESS-RULES "Identity and security"): more than 10
 * attempts a minute from one client → 429; 5 wrong passwords lock the identifier for 30 minutes.
 * An unknown identifier costs the same scrypt work (a decoy hash) and counts toward the same lock
 * as a wrong password, so the answers never tell whether it exists.
 */
const ATTEMPTS_PER_MINUTE = 10
const MAX_FAILURES = 5
const LOCK_SECONDS = 30 * 60

function locked(seconds: number) {
  return new AppError(429, 'LOGIN_LOCKED', `密码错误次数过多，登录已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试`, {
    retryAfterSeconds: seconds,
  })
}

export async function checkPassword<T extends { passwordHash: string }>(opts: {
  /** rate-limit bucket, e.g. 'login' or 'staff-login' */
  scope: string
  client: string
  /** what the lock is kept for, e.g. 'phone#138…' */
  identifier: string
  password: string
  find: () => Promise<T | undefined>
  /** the answer to a wrong password, given the attempts left */
  wrong: (left: number) => string
}): Promise<T> {
  const now = nowSeconds()
  const rate = await countHit(opts.scope, opts.client || 'unknown', 60, now)
  if (rate.hits > ATTEMPTS_PER_MINUTE) {
    throw new TooManyRequests('登录尝试过于频繁，请稍后再试', rate.retryAfterSeconds)
  }
  const [lock, subject] = await Promise.all([getLoginLock(opts.identifier), opts.find()])
  if (lock?.lockedUntil && lock.lockedUntil > now) throw locked(lock.lockedUntil - now)
  const ok = await verifyPassword(opts.password, subject?.passwordHash ?? DECOY_HASH)
  if (!subject || !ok) {
    const after = await recordLoginFailure(opts.identifier, now, MAX_FAILURES, LOCK_SECONDS)
    if (after.lockedUntil) throw locked(LOCK_SECONDS)
    throw new AppError(401, 'BAD_CREDENTIALS', opts.wrong(MAX_FAILURES - after.failures))
  }
  if (lock) await clearLoginLock(opts.identifier)
  return subject
}
