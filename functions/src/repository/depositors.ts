import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Tx } from './audit'
import type { BankCardItem } from './bank-cards'
import { db, table } from './client'

/**
 * 缴存人 (depositor) and the items that find one at login.
 * - profile: pk DEPOSITOR#<id>, sk PROFILE
 * - login lookups (unique): pk LOGIN#PHONE#<phone> | LOGIN#IDNO#<idNumber>, sk LOGIN → depositorId
 * - verified devices: pk DEPOSITOR#<id>, sk DEVICE#<channel>#<deviceId> (first-login verification done)
 * - Alipay binding (unique): pk ALIPAY#<alipayUserId>, sk BINDING → depositorId
 */
export interface DepositorItem {
  depositorId: string
  centerCode: string
  name: string
  idNumber: string
  phone: string
  gender: 'male' | 'female'
  birthDate: string
  accountNo: string
  loanNo: string | null
  employerName: string
  address: string | null
  passwordHash: string
  hotlinePasswordHash: string
  alipayUserId: string | null
  createdAt: string
  version: number
  /** the 隐私声明 version agreed to and when (acceptPrivacy); absent until the first agreement */
  privacyAcceptedVersion?: string
  privacyAcceptedAt?: string
}

export type LoginKind = 'phone' | 'idNumber'

const profileKey = (depositorId: string) => ({ pk: `DEPOSITOR#${depositorId}`, sk: 'PROFILE' })
const loginKey = (kind: LoginKind, value: string) => ({
  pk: `LOGIN#${kind === 'phone' ? 'PHONE' : 'IDNO'}#${value}`,
  sk: 'LOGIN',
})
const deviceKey = (depositorId: string, channel: string, deviceId: string) => ({
  pk: `DEPOSITOR#${depositorId}`,
  sk: `DEVICE#${channel}#${deviceId}`,
})
const alipayKey = (alipayUserId: string) => ({ pk: `ALIPAY#${alipayUserId}`, sk: 'BINDING' })

export async function getDepositor(depositorId: string): Promise<DepositorItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: profileKey(depositorId) }))
  return out.Item as DepositorItem | undefined
}

export async function findDepositorId(kind: LoginKind, value: string): Promise<string | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: loginKey(kind, value) }))
  return out.Item?.depositorId as string | undefined
}

/** writes a depositor with unique phone and ID number lookups, all or nothing */
export async function createDepositor(d: DepositorItem): Promise<void> {
  await db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table,
            Item: { ...profileKey(d.depositorId), entity: 'Depositor', ...d },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...(['phone', 'idNumber'] as const).map((kind) => ({
          Put: {
            TableName: table,
            Item: {
              ...loginKey(kind, kind === 'phone' ? d.phone : d.idNumber),
              entity: 'Login',
              depositorId: d.depositorId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      ],
    }),
  )
}

export async function isDeviceVerified(depositorId: string, channel: string, deviceId: string): Promise<boolean> {
  const out = await db.send(
    new GetCommand({ TableName: table, Key: deviceKey(depositorId, channel, deviceId), ProjectionExpression: 'pk' }),
  )
  return Boolean(out.Item)
}

export async function markDeviceVerified(
  depositorId: string,
  channel: string,
  deviceId: string,
  method: 'alipay' | 'face',
  at: string,
): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: table,
      Item: {
        ...deviceKey(depositorId, channel, deviceId),
        entity: 'VerifiedDevice',
        channel,
        deviceId,
        method,
        verifiedAt: at,
      },
    }),
  )
}

/**
 * Binds an Alipay user to a depositor the first time; afterwards the same Alipay user must come
 * back. Returns false when that Alipay user is already bound to someone else, or the depositor to
 * another Alipay user.
 */
export async function bindAlipayUser(depositorId: string, alipayUserId: string, at: string): Promise<boolean> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...alipayKey(alipayUserId), entity: 'AlipayBinding', depositorId, boundAt: at },
              ConditionExpression: 'attribute_not_exists(pk) OR depositorId = :d',
              ExpressionAttributeValues: { ':d': depositorId },
            },
          },
          {
            Update: {
              TableName: table,
              Key: profileKey(depositorId),
              UpdateExpression: 'SET alipayUserId = :u',
              ConditionExpression:
                'attribute_exists(pk) AND (attribute_type(alipayUserId, :null) OR alipayUserId = :u)',
              ExpressionAttributeValues: { ':u': alipayUserId, ':null': 'NULL' },
            },
          },
        ],
      }),
    )
    return true
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false
    throw error
  }
}

/** test and admin helper: forget a verified device */
export async function forgetDevice(depositorId: string, channel: string, deviceId: string): Promise<void> {
  await db.send(new DeleteCommand({ TableName: table, Key: deviceKey(depositorId, channel, deviceId) }))
}

export interface DepositorAggregate {
  depositor: DepositorItem | undefined
  cards: BankCardItem[]
  /** kind → application id in progress */
  active: Map<string, string>
  /** kind → when an application of it was last approved */
  lastApproved: Map<string, string>
}

/** the depositor's whole partition in one query: profile, bank cards, in-progress and last-approved kinds */
export async function getDepositorAggregate(depositorId: string): Promise<DepositorAggregate> {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `DEPOSITOR#${depositorId}` },
        ExclusiveStartKey,
      }),
    )
    items.push(...(out.Items ?? []))
    ExclusiveStartKey = out.LastEvaluatedKey
  } while (ExclusiveStartKey)
  const bySk = (prefix: string) => items.filter((i) => (i.sk as string).startsWith(prefix))
  return {
    depositor: items.find((i) => i.sk === 'PROFILE') as DepositorItem | undefined,
    cards: bySk('CARD#') as unknown as BankCardItem[],
    active: new Map(bySk('ACTIVE#').map((i) => [(i.sk as string).slice(7), i.appId as string])),
    lastApproved: new Map(bySk('LAST#').map((i) => [(i.sk as string).slice(5), i.at as string])),
  }
}

/**
 * Records the 隐私声明 version a depositor agreed to, and when, with its audit entry (one
 * transaction). The depositor's `version` is left alone: consent is not part of the profile a
 * concurrent change could overwrite. False when the depositor is not there.
 */
export async function recordPrivacyConsent(depositorId: string, version: string, at: string, audit: Tx) {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: profileKey(depositorId),
              UpdateExpression: 'SET privacyAcceptedVersion = :v, privacyAcceptedAt = :at',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':v': version, ':at': at },
            },
          },
          audit,
        ],
      }),
    )
    return true
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []
    if ((error as Error).name === 'TransactionCanceledException' && reasons[0]?.Code === 'ConditionalCheckFailed') {
      return false
    }
    throw error
  }
}
