import { nowSeconds } from '../lib/clock'
import { AppError, TooManyRequests } from '../lib/errors'
import { DECOY_HASH, verifyPassword } from '../lib/password'
import { clearLoginLock, countHit, getLoginLock, recordLoginFailure } from '../repository/limits'

/**
 * The password check every login shares (BUSINESS-RULES "Identity and security"): more than 10
 * attempts a minute from one client → 429; 5 wrong passwords lock the PERSON for 30 minutes
 * (decision 51): the identifier typed is resolved to the person first and the lock is theirs, so a
 * phone number and an ID number share one count. An unknown identifier costs the same scrypt work
 * (a decoy hash) and counts toward a lock of the identifier itself, so the answers never tell
 * whether it exists.
 */
const ATTEMPTS_PER_MINUTE = 10
export const MAX_FAILURES = 5
const LOCK_SECONDS = 30 * 60

function locked(seconds: number) {
  return new AppError(429, 'LOGIN_LOCKED', `密码错误次数过多，登录已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试`, {
    retryAfterSeconds: seconds,
  })
}

/** more than 10 attempts a minute from one client of `scope` → 429 */
export async function limitClient(scope: string, client: string, message = '登录尝试过于频繁，请稍后再试') {
  const rate = await countHit(scope, client || 'unknown', 60, nowSeconds())
  if (rate.hits > ATTEMPTS_PER_MINUTE) throw new TooManyRequests(message, rate.retryAfterSeconds)
}

/** 429 while the lock `lockId` holds */
export function refuseIfLocked(lock: { lockedUntil?: number } | undefined, now = nowSeconds()) {
  if (lock?.lockedUntil && lock.lockedUntil > now) throw locked(lock.lockedUntil - now)
}

/** counts one failure on `lockId`; throws the lock's 429 when this one locked it, else `wrong(left)` */
export async function countFailure(lockId: string, wrong: (left: number) => AppError): Promise<never> {
  const after = await recordLoginFailure(lockId, nowSeconds(), MAX_FAILURES, LOCK_SECONDS)
  if (after.lockedUntil) throw locked(LOCK_SECONDS)
  throw wrong(MAX_FAILURES - after.failures)
}

export async function checkPassword<T extends { passwordHash: string }>(opts: {
  /** rate-limit bucket, e.g. 'login' or 'staff-login' */
  scope: string
  client: string
  /** the identifier as typed, e.g. 'phone#138…': the lock of an identifier nobody has */
  identifier: string
  password: string
  /** the person's id behind the identifier, if any */
  resolve: () => Promise<string | undefined>
  load: (id: string) => Promise<T | undefined>
  /** the lock id of a person */
  lockOf: (id: string) => string
  /** the answer to a wrong password, given the attempts left */
  wrong: (left: number) => string
}): Promise<T> {
  await limitClient(opts.scope, opts.client)
  const id = await opts.resolve()
  const lockId = id ? opts.lockOf(id) : opts.identifier
  const [lock, subject] = await Promise.all([getLoginLock(lockId), id ? opts.load(id) : undefined])
  refuseIfLocked(lock)
  const ok = await verifyPassword(opts.password, subject?.passwordHash ?? DECOY_HASH)
  if (!subject || !ok) {
    return countFailure(lockId, (left) => new AppError(401, 'BAD_CREDENTIALS', opts.wrong(left)))
  }
  if (lock) await clearLoginLock(lockId)
  return subject
}

const wrongOldPassword = (left: number) => (left > 0 ? `原密码错误，还可尝试 ${left} 次` : '原密码错误次数过多')

/**
 * A password the signed-in person types again (原密码 of a password change): checked against
 * `hash` under their login lock. Wrong → counts toward the lock, 422 with `wrong(left)`.
 */
export async function checkOwnPassword(
  lockId: string,
  password: string,
  hash: string,
  wrong: (left: number) => string = wrongOldPassword,
) {
  const lock = await getLoginLock(lockId)
  refuseIfLocked(lock)
  if (!(await verifyPassword(password, hash))) {
    return countFailure(
      lockId,
      (left) =>
        new AppError(422, 'WRONG_OLD_PASSWORD', wrong(left), {
          issues: [{ path: ['oldPassword'], message: wrong(left) }],
        }),
    )
  }
  if (lock) await clearLoginLock(lockId)
}
