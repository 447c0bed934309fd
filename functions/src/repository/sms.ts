import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'
import type { StoredItem, Write } from './transaction'

/**
 * SMS codes and the caps on sending them (decision 48).
 * - code: pk SMSCODE#<depositorId>, sk <purpose> — one live code per depositor and purpose; a new
 *   code replaces the old. Only a salted SHA-256 of (purpose, phone, code) is stored, with the
 *   phone's digest, the failures so far and `expiresAt` (5 minutes; also the TTL).
 * - quota: pk SMSQUOTA#PHONE#<phone> | SMSQUOTA#DEPOSITOR#<id>, sk QUOTA — the instants (epoch s) of
 *   the sends of the last 24 hours, `version` for the conditional write; TTL two days after the last.
 */
export const smsCodeKey = (depositorId: string, purpose: string) => ({ pk: `SMSCODE#${depositorId}`, sk: purpose })
export const smsQuotaKey = (subject: string) => ({ pk: `SMSQUOTA#${subject}`, sk: 'QUOTA' })
export const phoneQuotaSubject = (phone: string) => `PHONE#${phone}`
export const depositorQuotaSubject = (depositorId: string) => `DEPOSITOR#${depositorId}`

export interface SmsCodeItem {
  depositorId: string
  purpose: string
  phoneDigest: string
  salt: string
  codeHash: string
  failures: number
  sentAt: number
  expiresAt: number
}

export interface SmsQuota {
  subject: string
  sends: number[]
  version: number
}

export function smsCodeFromItem(i: StoredItem): SmsCodeItem {
  return {
    depositorId: i.depositorId as string,
    purpose: i.purpose as string,
    phoneDigest: i.phoneDigest as string,
    salt: i.salt as string,
    codeHash: i.codeHash as string,
    failures: Number(i.failures ?? 0),
    sentAt: Number(i.sentAt),
    expiresAt: Number(i.expiresAt),
  }
}

export function smsQuotaFromItem(i: StoredItem): SmsQuota {
  return {
    subject: (i.pk as string).slice('SMSQUOTA#'.length),
    sends: Array.isArray(i.sends) ? (i.sends as unknown[]).map(Number) : [],
    version: Number(i.version ?? 0),
  }
}

/** the quotas of `subjects` in one BatchGetItem (absent subjects have sent nothing) */
export async function getSmsQuotas(subjects: string[]): Promise<Map<string, SmsQuota>> {
  const out = await db.send(
    new BatchGetCommand({
      RequestItems: { [table]: { Keys: subjects.map(smsQuotaKey), ConsistentRead: true } },
    }),
  )
  const found = new Map<string, SmsQuota>()
  for (const item of out.Responses?.[table] ?? []) {
    const q = smsQuotaFromItem(item)
    found.set(q.subject, q)
  }
  // unprocessed keys (throttling) count as absent would let a send through: read them again
  const left = out.UnprocessedKeys?.[table]?.Keys ?? []
  for (const key of left) {
    const one = await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))
    if (one.Item) {
      const q = smsQuotaFromItem(one.Item)
      found.set(q.subject, q)
    }
  }
  for (const s of subjects) if (!found.has(s)) found.set(s, { subject: s, sends: [], version: 0 })
  return found
}

/** the quota with one more send, written only if nobody else wrote it since it was read */
export function recordSmsSend(quota: SmsQuota, sends: number[], nowSeconds: number): Write<{ reason: 'raced' }> {
  return {
    item: {
      Put: {
        TableName: table,
        Item: {
          ...smsQuotaKey(quota.subject),
          entity: 'SmsQuota',
          sends,
          version: quota.version + 1,
          expiresAt: nowSeconds + 2 * 86_400,
        },
        ConditionExpression: quota.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(quota.version === 0 ? {} : { ExpressionAttributeValues: { ':v': quota.version } }),
      },
    },
    onFailure: () => ({ reason: 'raced' as const }),
  }
}

/** the new code, replacing any code of the same depositor and purpose */
export function putSmsCode(code: SmsCodeItem): Write {
  return {
    item: {
      Put: { TableName: table, Item: { ...smsCodeKey(code.depositorId, code.purpose), entity: 'SmsCode', ...code } },
    },
  }
}

export async function getSmsCode(depositorId: string, purpose: string): Promise<SmsCodeItem | undefined> {
  const out = await db.send(
    new GetCommand({ TableName: table, Key: smsCodeKey(depositorId, purpose), ConsistentRead: true }),
  )
  return out.Item ? smsCodeFromItem(out.Item) : undefined
}

/**
 * Counts a wrong try on the code that was read (same hash), while it is alive and has tries left.
 * Returns the failures now, or undefined when the code is gone, replaced, expired or used up.
 */
export async function recordWrongCode(
  code: SmsCodeItem,
  nowSeconds: number,
  maxFailures: number,
): Promise<number | undefined> {
  try {
    const out = await db.send(
      new UpdateCommand({
        TableName: table,
        Key: smsCodeKey(code.depositorId, code.purpose),
        UpdateExpression: 'ADD failures :one',
        ConditionExpression:
          'codeHash = :h AND expiresAt > :now AND (attribute_not_exists(failures) OR failures < :max)',
        ExpressionAttributeValues: { ':one': 1, ':h': code.codeHash, ':now': nowSeconds, ':max': maxFailures },
        ReturnValues: 'UPDATED_NEW',
      }),
    )
    return Number(out.Attributes?.failures ?? 1)
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined
    throw error
  }
}

/** uses the code up, in the transaction of the change it allows: it must be the one read and still alive */
export function consumeSmsCode(
  code: SmsCodeItem,
  nowSeconds: number,
  maxFailures: number,
): Write<{ reason: 'codeGone' }> {
  return {
    item: {
      Delete: {
        TableName: table,
        Key: smsCodeKey(code.depositorId, code.purpose),
        ConditionExpression:
          'codeHash = :h AND expiresAt > :now AND (attribute_not_exists(failures) OR failures < :max)',
        ExpressionAttributeValues: { ':h': code.codeHash, ':now': nowSeconds, ':max': maxFailures },
      },
    },
    onFailure: () => ({ reason: 'codeGone' as const }),
  }
}
