import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'
import { plain, type StoredItem, transact, type Write } from './transaction'

/**
 * 缴存人 (depositor) and the items that find one at login.
 * - profile: pk DEPOSITOR#<id>, sk PROFILE
 * - login lookups (unique): pk LOGIN#PHONE#<phone> | LOGIN#IDNO#<idNumber>, sk LOGIN → depositorId
 * - verified devices: pk DEPOSITOR#<id>, sk DEVICE#<channel>#<deviceId> (first-login verification done)
 * - Alipay binding (unique): pk ALIPAY#<alipayUserId>, sk BINDING → depositorId
 * The depositor's partition also holds their bank cards (bank-cards.ts) and the per-kind
 * application markers (kind-markers.ts); depositor-partition.ts reads it in one query.
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
  /** when consent was last withdrawn (撤回同意, withdrawPrivacy): the accepted version is removed then */
  privacyWithdrawnAt?: string
}

export type LoginKind = 'phone' | 'idNumber'

export const DEPOSITOR_ENTITY = 'Depositor'

/** the partition of everything that belongs to one depositor */
export const depositorPartition = (depositorId: string) => `DEPOSITOR#${depositorId}`
export const depositorKey = (depositorId: string) => ({ pk: depositorPartition(depositorId), sk: 'PROFILE' })
export const loginKey = (kind: LoginKind, value: string) => ({
  pk: `LOGIN#${kind === 'phone' ? 'PHONE' : 'IDNO'}#${value}`,
  sk: 'LOGIN',
})
export const deviceKey = (depositorId: string, channel: string, deviceId: string) => ({
  pk: depositorPartition(depositorId),
  sk: `DEVICE#${channel}#${deviceId}`,
})
export const alipayBindingKey = (alipayUserId: string) => ({ pk: `ALIPAY#${alipayUserId}`, sk: 'BINDING' })

export function depositorFromItem(i: StoredItem): DepositorItem {
  return {
    depositorId: i.depositorId as string,
    centerCode: i.centerCode as string,
    name: i.name as string,
    idNumber: i.idNumber as string,
    phone: i.phone as string,
    gender: i.gender as DepositorItem['gender'],
    birthDate: i.birthDate as string,
    accountNo: i.accountNo as string,
    loanNo: (i.loanNo as string | null | undefined) ?? null,
    employerName: i.employerName as string,
    address: (i.address as string | null | undefined) ?? null,
    passwordHash: i.passwordHash as string,
    hotlinePasswordHash: i.hotlinePasswordHash as string,
    alipayUserId: (i.alipayUserId as string | null | undefined) ?? null,
    createdAt: i.createdAt as string,
    version: i.version as number,
    ...(i.privacyAcceptedVersion
      ? { privacyAcceptedVersion: i.privacyAcceptedVersion as string, privacyAcceptedAt: i.privacyAcceptedAt as string }
      : {}),
    ...(i.privacyWithdrawnAt ? { privacyWithdrawnAt: i.privacyWithdrawnAt as string } : {}),
  }
}

export async function getDepositor(depositorId: string): Promise<DepositorItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: depositorKey(depositorId) }))
  return out.Item ? depositorFromItem(out.Item) : undefined
}

export async function findDepositorId(kind: LoginKind, value: string): Promise<string | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: loginKey(kind, value) }))
  return out.Item?.depositorId as string | undefined
}

/** writes a depositor with unique phone and ID number lookups, all or nothing */
export async function createDepositor(d: DepositorItem): Promise<void> {
  const unique = { ConditionExpression: 'attribute_not_exists(pk)' }
  await transact([
    plain({
      Put: { TableName: table, Item: { ...depositorKey(d.depositorId), entity: DEPOSITOR_ENTITY, ...d }, ...unique },
    }),
    ...(['phone', 'idNumber'] as const).map((kind) =>
      plain({
        Put: {
          TableName: table,
          Item: {
            ...loginKey(kind, kind === 'phone' ? d.phone : d.idNumber),
            entity: 'Login',
            depositorId: d.depositorId,
          },
          ...unique,
        },
      }),
    ),
  ])
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
  const boundElsewhere = () => ({ reason: 'boundElsewhere' as const })
  const outcome = await transact([
    {
      item: {
        Put: {
          TableName: table,
          Item: { ...alipayBindingKey(alipayUserId), entity: 'AlipayBinding', depositorId, boundAt: at },
          ConditionExpression: 'attribute_not_exists(pk) OR depositorId = :d',
          ExpressionAttributeValues: { ':d': depositorId },
        },
      },
      onFailure: boundElsewhere,
    },
    {
      item: {
        Update: {
          TableName: table,
          Key: depositorKey(depositorId),
          UpdateExpression: 'SET alipayUserId = :u',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_type(alipayUserId, :null) OR alipayUserId = :u)',
          ExpressionAttributeValues: { ':u': alipayUserId, ':null': 'NULL' },
        },
      },
      onFailure: boundElsewhere,
    },
  ])
  return outcome.ok
}

/**
 * Records the 隐私声明 version a depositor agreed to, and when, with its audit entry (one
 * transaction). The depositor's `version` is left alone: consent is not part of the profile a
 * concurrent change could overwrite. False when the depositor is not there.
 */
export async function recordPrivacyConsent(depositorId: string, version: string, at: string, audit: Write) {
  const outcome = await transact([
    {
      item: {
        Update: {
          TableName: table,
          Key: depositorKey(depositorId),
          UpdateExpression: 'SET privacyAcceptedVersion = :v, privacyAcceptedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':v': version, ':at': at },
        },
      },
      onFailure: () => ({ reason: 'noSuchDepositor' as const }),
    },
    audit,
  ])
  return outcome.ok
}

/**
 * 撤回同意: the accepted 隐私声明 version is removed (the depositor is asked again, and `me` answers
 * null) and the instant of the withdrawal kept, with its audit entry (one transaction). False when
 * the depositor is not there.
 */
export async function withdrawPrivacyConsent(depositorId: string, at: string, audit: Write) {
  const outcome = await transact([
    {
      item: {
        Update: {
          TableName: table,
          Key: depositorKey(depositorId),
          UpdateExpression: 'REMOVE privacyAcceptedVersion, privacyAcceptedAt SET privacyWithdrawnAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        },
      },
      onFailure: () => ({ reason: 'noSuchDepositor' as const }),
    },
    audit,
  ])
  return outcome.ok
}

/**
 * 修改手机号码, one transaction: the depositor's phone (as read, at the version read), the old phone's
 * login lookup out, the new one in (unique: `phoneTaken` when anyone has it), plus `also` (the SMS
 * code used up, the audit entry).
 */
export async function changePhoneNumber<F extends { reason: string }>(
  d: DepositorItem,
  newPhone: string,
  at: string,
  also: Write<F>[],
) {
  return transact<F | { reason: 'phoneTaken' } | { reason: 'depositorChanged' }>([
    {
      item: {
        Update: {
          TableName: table,
          Key: depositorKey(d.depositorId),
          UpdateExpression: 'SET phone = :new, phoneChangedAt = :at, version = version + :one',
          ConditionExpression: 'phone = :old AND version = :v',
          ExpressionAttributeValues: { ':new': newPhone, ':old': d.phone, ':v': d.version, ':at': at, ':one': 1 },
        },
      },
      onFailure: () => ({ reason: 'depositorChanged' as const }),
    },
    {
      item: {
        Delete: {
          TableName: table,
          Key: loginKey('phone', d.phone),
          ConditionExpression: 'depositorId = :d',
          ExpressionAttributeValues: { ':d': d.depositorId },
        },
      },
      onFailure: () => ({ reason: 'depositorChanged' as const }),
    },
    {
      item: {
        Put: {
          TableName: table,
          Item: { ...loginKey('phone', newPhone), entity: 'Login', depositorId: d.depositorId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onFailure: () => ({ reason: 'phoneTaken' as const }),
    },
    ...also,
  ])
}

/**
 * A new password hash (`passwordHash` for APP/微信/网厅, `hotlinePasswordHash` for 12329) at the
 * version read, plus `also` in the same transaction.
 */
export async function setPasswordHash<F extends { reason: string }>(
  d: DepositorItem,
  field: 'passwordHash' | 'hotlinePasswordHash',
  hash: string,
  at: string,
  also: Write<F>[],
) {
  return transact<F | { reason: 'depositorChanged' }>([
    {
      item: {
        Update: {
          TableName: table,
          Key: depositorKey(d.depositorId),
          UpdateExpression: `SET ${field} = :h, ${field === 'passwordHash' ? 'passwordChangedAt' : 'hotlinePasswordChangedAt'} = :at, version = version + :one`,
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':h': hash, ':v': d.version, ':at': at, ':one': 1 },
        },
      },
      onFailure: () => ({ reason: 'depositorChanged' as const }),
    },
    ...also,
  ])
}

/**
 * The condition a new session of this depositor is written with: their record is still at the
 * version read when the password was checked (repository/sessions.ts, decision 79).
 */
export function depositorUnchanged(depositorId: string, version: number): Write<{ reason: 'ownerChanged' }> {
  return {
    item: {
      ConditionCheck: {
        TableName: table,
        Key: depositorKey(depositorId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': version },
      },
    },
    onFailure: () => ({ reason: 'ownerChanged' as const }),
  }
}
