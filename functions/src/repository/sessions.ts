import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { SessionData, StaffSession } from '../lib/session'
import { db, getItems, queryAll, table } from './client'
import { type Outcome, plain, type StoredItem, transact, type Write } from './transaction'

/**
 * Sessions and first-login tickets. Only the SHA-256 of a token is stored.
 * - session: pk SESSION#<hash>, sk SESSION; `expiresAt` (epoch seconds) is the idle deadline and the
 *   TTL attribute, `endsAt` the absolute one (MAX_SESSION_SECONDS after sign-in). DynamoDB deletes
 *   expired items late, so every read checks both.
 * - its link: pk <owner partition>#SESSIONS (DEPOSITOR#<id>#SESSIONS, STAFF#<id>#SESSIONS), sk <hash>,
 *   TTL `endsAt`. Written in the same transaction as the session, together with a condition that
 *   the owner's record is still at the version read when the password was checked; so a strongly
 *   consistent Query of the links after a password/phone change (which moves the version) finds
 *   every session that change must end — none can slip in between (decision 79).
 * - ticket: pk TICKET#<hash>, sk TICKET (first-login verification in progress, 10 minutes)
 * - password reset: pk RESET#<hash>, sk RESET (忘记密码 in progress, 15 minutes)
 *
 * The session types live in lib/session.ts (the HTTP boundary hands them to handlers).
 */
export type { DepositorSession, SessionData, StaffSession } from '../lib/session'

export const sessionKey = (hash: string) => ({ pk: `SESSION#${hash}`, sk: 'SESSION' })
export const ticketKey = (hash: string) => ({ pk: `TICKET#${hash}`, sk: 'TICKET' })
export const resetKey = (hash: string) => ({ pk: `RESET#${hash}`, sk: 'RESET' })

/** whose sessions: a depositor's or a staff member's */
export interface SessionOwner {
  kind: 'depositor' | 'staff'
  id: string
}

export const sessionOwnerOf = (data: SessionData): SessionOwner =>
  data.kind === 'depositor' ? { kind: 'depositor', id: data.depositorId } : { kind: 'staff', id: data.staffId }

const linksPartition = (owner: SessionOwner) =>
  `${owner.kind === 'depositor' ? 'DEPOSITOR' : 'STAFF'}#${owner.id}#SESSIONS`
export const sessionLinkKey = (owner: SessionOwner, hash: string) => ({ pk: linksPartition(owner), sk: hash })

/** the stored session as the caller it stands for, with its idle deadline */
export function sessionFromItem(i: StoredItem): SessionData & { expiresAt: number } {
  const expiresAt = i.expiresAt as number
  if (i.kind === 'staff') {
    return {
      kind: 'staff',
      staffId: i.staffId as string,
      centerCode: i.centerCode as string,
      role: (i.role as StaffSession['role'] | undefined) ?? 'reviewer',
      ...(typeof i.name === 'string' ? { name: i.name } : {}),
      ...(Array.isArray(i.roles) ? { roles: i.roles as StaffSession['role'][] } : {}),
      expiresAt,
    }
  }
  return {
    kind: 'depositor',
    depositorId: i.depositorId as string,
    centerCode: i.centerCode as string,
    accountNo: i.accountNo as string,
    loanNo: (i.loanNo as string | null | undefined) ?? null,
    channel: i.channel as string,
    expiresAt,
  }
}

export function ticketFromItem(i: StoredItem): Ticket {
  return {
    depositorId: i.depositorId as string,
    channel: i.channel as string,
    deviceId: i.deviceId as string,
    expiresAt: i.expiresAt as number,
    ...(typeof i.depositorVersion === 'number' ? { depositorVersion: i.depositorVersion } : {}),
    ...(i.faceVerifyId ? { faceVerifyId: i.faceVerifyId as string } : {}),
    ...(i.wechatOpenid ? { wechatOpenid: i.wechatOpenid as string } : {}),
    ...(i.wechatSessionKey ? { wechatSessionKey: i.wechatSessionKey as string } : {}),
  }
}

/** the owner's record moved on (password, phone, disabled) since the password was checked */
export type OwnerChanged = { reason: 'ownerChanged' }

/**
 * Opens a session: the session, its link in the owner's partition and `guard` (a condition that the
 * owner's record is unchanged since sign-in was decided) in one transaction.
 */
export async function putSession(
  hash: string,
  data: SessionData,
  times: { createdAt: string; expiresAt: number; endsAt: number },
  guard?: Write<OwnerChanged>,
): Promise<Outcome<OwnerChanged>> {
  const { createdAt, expiresAt, endsAt } = times
  return transact<OwnerChanged>([
    plain({
      Put: {
        TableName: table,
        Item: { ...sessionKey(hash), entity: 'Session', ...data, createdAt, lastSeenAt: createdAt, expiresAt, endsAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    plain({
      Put: {
        TableName: table,
        Item: { ...sessionLinkKey(sessionOwnerOf(data), hash), entity: 'SessionLink', createdAt, endsAt },
      },
    }),
    ...(guard ? [guard] : []),
  ])
}

/**
 * One call both authenticates and refreshes: the session must exist and be past neither its idle
 * nor its absolute deadline; the idle deadline moves to `newExpiresAt`. Returns undefined for a
 * missing, expired or ended session (sessions stored before decision 79 have no `endsAt` and end
 * here too: their owner signs in once more).
 */
export async function touchSession(
  hash: string,
  nowSeconds: number,
  newExpiresAt: number,
  seenAt: string,
): Promise<(SessionData & { expiresAt: number }) | undefined> {
  try {
    const out = await db.send(
      new UpdateCommand({
        TableName: table,
        Key: sessionKey(hash),
        UpdateExpression: 'SET expiresAt = :exp, lastSeenAt = :seen',
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now AND endsAt > :now',
        ExpressionAttributeValues: { ':exp': newExpiresAt, ':seen': seenAt, ':now': nowSeconds },
        ReturnValues: 'ALL_NEW',
      }),
    )
    return out.Attributes ? sessionFromItem(out.Attributes) : undefined
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined
    throw error
  }
}

/**
 * The session behind a hash and, in the same strongly consistent BatchGetItem, the items the request
 * reads anyway (decision 85): the session check costs no round trip of its own. `session` is
 * undefined when missing or past its idle or absolute deadline at `nowSeconds`; the idle deadline
 * moves only with the request's transaction (`refreshSession`).
 */
export async function getSessionWith(
  hash: string,
  nowSeconds: number,
  keys: { pk: string; sk: string }[],
): Promise<{ session: (SessionData & { expiresAt: number }) | undefined; items: StoredItem[] }> {
  const key = sessionKey(hash)
  const found = await getItems([key, ...keys])
  const stored = found.find((i) => i.pk === key.pk && i.sk === key.sk)
  const items = found.filter((i) => i !== stored)
  const live = stored && Number(stored.expiresAt) > nowSeconds && Number(stored.endsAt) > nowSeconds
  return { session: live ? sessionFromItem(stored) : undefined, items }
}

/** the session ended (退出, revoked, timed out) after it was read */
export type SessionEnded = { reason: 'sessionEnded' }

/**
 * touchSession as one item of the request's own transaction: the session must still exist and be
 * within both deadlines when the transaction commits, and its idle deadline moves.
 */
export function refreshSession(
  hash: string,
  nowSeconds: number,
  newExpiresAt: number,
  seenAt: string,
): Write<SessionEnded> {
  return {
    item: {
      Update: {
        TableName: table,
        Key: sessionKey(hash),
        UpdateExpression: 'SET expiresAt = :exp, lastSeenAt = :seen',
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now AND endsAt > :now',
        ExpressionAttributeValues: { ':exp': newExpiresAt, ':seen': seenAt, ':now': nowSeconds },
      },
    },
    onFailure: () => ({ reason: 'sessionEnded' as const }),
  }
}

/** 退出: the session and its link, in one call */
export async function deleteSession(owner: SessionOwner, hash: string): Promise<void> {
  await deleteAll([sessionKey(hash), sessionLinkKey(owner, hash)])
}

/**
 * Ends every session of an owner but `keepHash` (the caller's own, when it stays): one strongly
 * consistent Query of the owner's links, then BatchWriteItem deletes of sessions and links.
 * Called after the change that moved the owner's version, so no session opened with the old
 * credentials can be missed (see putSession). Returns how many ended.
 */
export async function revokeSessions(owner: SessionOwner, keepHash?: string): Promise<number> {
  const links = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': linksPartition(owner) },
    ProjectionExpression: 'sk',
    ConsistentRead: true,
  })
  const hashes = links.map((l) => l.sk as string).filter((h) => h !== keepHash)
  await deleteAll(hashes.flatMap((h) => [sessionKey(h), sessionLinkKey(owner, h)]))
  return hashes.length
}

async function deleteAll(keys: { pk: string; sk: string }[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    let requests: { DeleteRequest: { Key: Record<string, unknown> } }[] = keys
      .slice(i, i + 25)
      .map((Key) => ({ DeleteRequest: { Key } }))
    for (let round = 0; requests.length > 0; round++) {
      if (round === 5) throw new Error('sessions could not all be ended (throttled)')
      if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** round))
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }))
      requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests
    }
  }
}

export interface PasswordReset {
  depositorId: string
  channel: string
  expiresAt: number
  /** 刷脸 instead of the SMS code (WeChat, H5 locally): the verify id started for this reset */
  faceVerifyId?: string
}

export async function putPasswordReset(hash: string, reset: PasswordReset): Promise<void> {
  await db.send(new PutCommand({ TableName: table, Item: { ...resetKey(hash), entity: 'PasswordReset', ...reset } }))
}

export async function getPasswordReset(hash: string, nowSeconds: number): Promise<PasswordReset | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: resetKey(hash) }))
  const i = out.Item
  if (!i || Number(i.expiresAt) <= nowSeconds) return undefined
  return {
    depositorId: i.depositorId as string,
    channel: i.channel as string,
    expiresAt: Number(i.expiresAt),
    ...(i.faceVerifyId ? { faceVerifyId: i.faceVerifyId as string } : {}),
  }
}

/** the 刷脸 started for a reset in progress; false when the reset is gone or expired */
export function setResetFace(hash: string, faceVerifyId: string, nowSeconds: number): Promise<boolean> {
  return attachFace(resetKey(hash), { faceVerifyId }, nowSeconds)
}

/** the reset, used up in the transaction that sets the new password */
export function takePasswordReset(hash: string, nowSeconds: number): Write<{ reason: 'resetGone' }> {
  return {
    item: {
      Delete: {
        TableName: table,
        Key: resetKey(hash),
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
      },
    },
    onFailure: () => ({ reason: 'resetGone' as const }),
  }
}

export interface Ticket {
  depositorId: string
  channel: string
  deviceId: string
  expiresAt: number
  /** the depositor's record version when the password was checked: the session opened from this
   * ticket is conditional on it (decision 79) */
  depositorVersion?: number
  faceVerifyId?: string
  /** WeChat (刷脸): the openid and session_key from jscode2session — never sent to the client */
  wechatOpenid?: string
  wechatSessionKey?: string
}

export async function putTicket(hash: string, ticket: Ticket): Promise<void> {
  await db.send(new PutCommand({ TableName: table, Item: { ...ticketKey(hash), entity: 'LoginTicket', ...ticket } }))
}

export function setTicketFace(
  hash: string,
  face: { faceVerifyId: string; wechatOpenid?: string; wechatSessionKey?: string },
  nowSeconds: number,
): Promise<boolean> {
  return attachFace(ticketKey(hash), face, nowSeconds)
}

/** a started 刷脸 on a ticket or reset still in time; false when it is gone or expired */
async function attachFace(
  key: { pk: string; sk: string },
  face: { faceVerifyId: string; wechatOpenid?: string; wechatSessionKey?: string },
  nowSeconds: number,
): Promise<boolean> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: `SET ${Object.keys(face)
          .map((k) => `${k} = :${k}`)
          .join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
        ExpressionAttributeValues: {
          ...Object.fromEntries(Object.entries(face).map(([k, v]) => [`:${k}`, v])),
          ':now': nowSeconds,
        },
      }),
    )
    return true
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false
    throw error
  }
}

/** reads and deletes a ticket in one call: a ticket completes one login only */
export async function takeTicket(hash: string, nowSeconds: number): Promise<Ticket | undefined> {
  try {
    const out = await db.send(
      new DeleteCommand({
        TableName: table,
        Key: ticketKey(hash),
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValues: 'ALL_OLD',
      }),
    )
    return out.Attributes ? ticketFromItem(out.Attributes) : undefined
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined
    throw error
  }
}

export async function peekTicket(hash: string, nowSeconds: number): Promise<Ticket | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: ticketKey(hash) }))
  const t = out.Item ? ticketFromItem(out.Item) : undefined
  return t && t.expiresAt > nowSeconds ? t : undefined
}
