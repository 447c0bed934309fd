import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'
import type { StoredItem } from './transaction'

/**
 * Counters that protect login (and the public 电子证明 verification: scope DOCVERIFY).
 * - rate: pk RATE#<scope>#<client>, sk <window start>: attempts in a fixed window (TTL after it)
 * - login lock: pk LOCK#LOGIN#<lock id>, sk LOCK: failed passwords, and the time login is locked
 *   until. The lock id is the person's (DEPOSITOR#<id>, STAFF#<id>) when the identifier typed
 *   belongs to someone, else the identifier itself, so unknown identifiers are answered alike.
 */
export const rateKey = (scope: string, client: string, windowStart: number) => ({
  pk: `RATE#${scope}#${client}`,
  sk: String(windowStart),
})
export const loginLockKey = (identifier: string) => ({ pk: `LOCK#LOGIN#${identifier}`, sk: 'LOCK' })
/** the lock of a person, whichever identifier they typed (decision 51) */
export const depositorLockId = (depositorId: string) => `DEPOSITOR#${depositorId}`
export const staffLockId = (staffId: string) => `STAFF#${staffId}`

export async function countHit(scope: string, client: string, windowSeconds: number, nowSeconds: number) {
  const windowStart = nowSeconds - (nowSeconds % windowSeconds)
  const out = await db.send(
    new UpdateCommand({
      TableName: table,
      Key: rateKey(scope, client, windowStart),
      UpdateExpression: 'ADD hits :one SET expiresAt = :exp, entity = :e',
      ExpressionAttributeValues: { ':one': 1, ':exp': windowStart + windowSeconds * 2, ':e': 'RateCounter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  )
  return { hits: Number(out.Attributes?.hits ?? 1), retryAfterSeconds: windowStart + windowSeconds - nowSeconds }
}

/** the attempts counted so far in the current window, without counting one (e.g. only failures count) */
export async function peekHits(scope: string, client: string, windowSeconds: number, nowSeconds: number) {
  const windowStart = nowSeconds - (nowSeconds % windowSeconds)
  const out = await db.send(new GetCommand({ TableName: table, Key: rateKey(scope, client, windowStart) }))
  return { hits: Number(out.Item?.hits ?? 0), retryAfterSeconds: windowStart + windowSeconds - nowSeconds }
}

export interface LoginLock {
  failures: number
  lockedUntil?: number
}

export function loginLockFromItem(i: StoredItem): LoginLock {
  return {
    failures: Number(i.failures ?? 0),
    ...(typeof i.lockedUntil === 'number' ? { lockedUntil: i.lockedUntil } : {}),
  }
}

export async function getLoginLock(identifier: string): Promise<LoginLock | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: loginLockKey(identifier) }))
  return out.Item ? loginLockFromItem(out.Item) : undefined
}

/** counts a failed password; at `maxFailures` the identifier is locked for `lockSeconds` */
export async function recordLoginFailure(
  identifier: string,
  nowSeconds: number,
  maxFailures: number,
  lockSeconds: number,
): Promise<LoginLock> {
  const out = await db.send(
    new UpdateCommand({
      TableName: table,
      Key: loginLockKey(identifier),
      UpdateExpression: 'ADD failures :one SET expiresAt = :exp, entity = :e',
      ExpressionAttributeValues: { ':one': 1, ':exp': nowSeconds + lockSeconds, ':e': 'LoginLock' },
      ReturnValues: 'ALL_NEW',
    }),
  )
  const lock = loginLockFromItem(out.Attributes ?? {})
  if (lock.failures < maxFailures) return lock
  const lockedUntil = nowSeconds + lockSeconds
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: loginLockKey(identifier),
      UpdateExpression: 'SET lockedUntil = :until, failures = :zero, expiresAt = :until',
      ExpressionAttributeValues: { ':until': lockedUntil, ':zero': 0 },
    }),
  )
  return { failures: 0, lockedUntil }
}

export async function clearLoginLock(identifier: string): Promise<void> {
  await db.send(new DeleteCommand({ TableName: table, Key: loginLockKey(identifier) }))
}
