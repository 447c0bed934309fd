import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { SessionData, StaffSession } from '../lib/session'
import { db, queryAll, table } from './client'
import type { StoredItem, Write } from './transaction'

/**
 * Sessions and first-login tickets. Only the SHA-256 of a token is stored.
 * - session: pk SESSION#<hash>, sk SESSION; `expiresAt` (epoch seconds) is both the idle deadline
 *   and the TTL attribute. DynamoDB deletes expired items late, so every read checks it.
 *   A depositor's sessions are also on gsi1 (`DEPOSITOR#<id>#SESSIONS` / `<createdAt>#<hash>`), so a
 *   phone or password change can end all the others in one Query and one BatchWriteItem (decision 50).
 * - ticket: pk TICKET#<hash>, sk TICKET (first-login verification in progress, 10 minutes)
 * - password reset: pk RESET#<hash>, sk RESET (忘记密码 in progress, 15 minutes)
 *
 * The session types live in lib/session.ts (the HTTP boundary hands them to handlers).
 */
export type { DepositorSession, SessionData, StaffSession } from '../lib/session'

export const sessionKey = (hash: string) => ({ pk: `SESSION#${hash}`, sk: 'SESSION' })
export const ticketKey = (hash: string) => ({ pk: `TICKET#${hash}`, sk: 'TICKET' })
export const resetKey = (hash: string) => ({ pk: `RESET#${hash}`, sk: 'RESET' })
export const depositorSessionsIndexKey = (depositorId: string) => `DEPOSITOR#${depositorId}#SESSIONS`
/** a staff member's sessions on gsi1 (issue 13: disabling or a password reset ends them) */
export const staffSessionsIndexKey = (staffId: string) => `STAFF#${staffId}#SESSIONS`

/** the stored session as the caller it stands for, with its idle deadline */
export function sessionFromItem(i: StoredItem): SessionData & { expiresAt: number } {
  const expiresAt = i.expiresAt as number
  if (i.kind === 'staff') {
    return {
      kind: 'staff',
      staffId: i.staffId as string,
      centerCode: i.centerCode as string,
      role: (i.role as StaffSession['role'] | undefined) ?? 'reviewer',
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
    ...(i.faceVerifyId ? { faceVerifyId: i.faceVerifyId as string } : {}),
    ...(i.wechatOpenid ? { wechatOpenid: i.wechatOpenid as string } : {}),
    ...(i.wechatSessionKey ? { wechatSessionKey: i.wechatSessionKey as string } : {}),
  }
}

export async function putSession(hash: string, data: SessionData, expiresAt: number, createdAt: string) {
  await db.send(
    new PutCommand({
      TableName: table,
      Item: {
        ...sessionKey(hash),
        entity: 'Session',
        ...data,
        gsi1pk:
          data.kind === 'depositor' ? depositorSessionsIndexKey(data.depositorId) : staffSessionsIndexKey(data.staffId),
        gsi1sk: `${createdAt}#${hash}`,
        createdAt,
        lastSeenAt: createdAt,
        expiresAt,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

/**
 * One call both authenticates and refreshes: the session must exist and not be past its idle
 * deadline; the deadline moves to `newExpiresAt`. Returns undefined for a missing, expired or
 * revoked session.
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
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
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

export async function deleteSession(hash: string): Promise<void> {
  await db.send(new DeleteCommand({ TableName: table, Key: sessionKey(hash) }))
}

/**
 * Ends every session of a depositor but `keepHash` (the caller's own, when it stays): one Query of
 * gsi1 for their keys, then BatchWriteItem deletes, 25 at a time. Returns how many ended. Sessions
 * opened before issue 11 are not on the index; they end at their 30-minute idle deadline.
 */
export async function revokeDepositorSessions(depositorId: string, keepHash?: string): Promise<number> {
  return revokeIndexed(depositorSessionsIndexKey(depositorId), keepHash)
}

/**
 * Ends every session of a depositor or a staff member but `keepHash`.
 * seam: the lead's main has the strongly consistent version
 */
export async function revokeSessions(
  owner: { kind: 'depositor' | 'staff'; id: string },
  keepHash?: string,
): Promise<number> {
  return revokeIndexed(
    owner.kind === 'depositor' ? depositorSessionsIndexKey(owner.id) : staffSessionsIndexKey(owner.id),
    keepHash,
  )
}

async function revokeIndexed(gsi1pk: string, keepHash?: string): Promise<number> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :g',
    ExpressionAttributeValues: { ':g': gsi1pk },
    ProjectionExpression: 'pk, sk',
  })
  const keys = items
    .map((i) => ({ pk: i.pk as string, sk: i.sk as string }))
    .filter((k) => !keepHash || k.pk !== sessionKey(keepHash).pk)
  for (let i = 0; i < keys.length; i += 25) {
    let requests: { DeleteRequest: { Key: Record<string, unknown> } }[] = keys
      .slice(i, i + 25)
      .map((Key) => ({ DeleteRequest: { Key } }))
    for (let round = 0; requests.length > 0; round++) {
      if (round === 5) throw new Error('sessions could not all be ended (throttled)')
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }))
      requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests
    }
  }
  return keys.length
}

export interface PasswordReset {
  depositorId: string
  channel: string
  expiresAt: number
}

export async function putPasswordReset(hash: string, reset: PasswordReset): Promise<void> {
  await db.send(new PutCommand({ TableName: table, Item: { ...resetKey(hash), entity: 'PasswordReset', ...reset } }))
}

export async function getPasswordReset(hash: string, nowSeconds: number): Promise<PasswordReset | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: resetKey(hash) }))
  const i = out.Item
  if (!i || Number(i.expiresAt) <= nowSeconds) return undefined
  return { depositorId: i.depositorId as string, channel: i.channel as string, expiresAt: Number(i.expiresAt) }
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
  faceVerifyId?: string
  /** WeChat (刷脸): the openid and session_key from jscode2session — never sent to the client */
  wechatOpenid?: string
  wechatSessionKey?: string
}

export async function putTicket(hash: string, ticket: Ticket): Promise<void> {
  await db.send(new PutCommand({ TableName: table, Item: { ...ticketKey(hash), entity: 'LoginTicket', ...ticket } }))
}

export async function setTicketFace(
  hash: string,
  face: { faceVerifyId: string; wechatOpenid?: string; wechatSessionKey?: string },
  nowSeconds: number,
): Promise<boolean> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: ticketKey(hash),
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
