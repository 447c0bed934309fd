import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { StaffRole } from '@gjj/shared/api/publishing'
import { db, queryAll, table } from './client'
import { plain, type StoredItem, transact, type Write } from './transaction'

/**
 * Center staff (审批人员, 信息发布, 中心管理员).
 * - profile: pk STAFF#<id>, sk PROFILE; on gsi1 as CENTER#<code>#STAFF / <username> (账号管理 lists a
 *   center's staff in one Query); `version` moves on every change (optimistic lock).
 * - login lookup (unique): pk LOGIN#STAFF#<username>, sk LOGIN → staffId.
 * - active admins of a center: pk CENTER#<code>, sk STAFFADMINS, `active` — changed in the same
 *   transaction as an admin's creation, disabling or re-enabling, with the condition `active > 1` on
 *   a disabling: the last active admin of a center cannot be disabled, even by two admins at once.
 */
export interface StaffItem {
  staffId: string
  username: string
  name: string
  centerCode: string
  /** the first role (items before issue 10 hold only this, always 'reviewer') */
  role: StaffRole
  /** every role the staff member holds; absent on older items, which hold `role` alone */
  roles?: StaffRole[]
  passwordHash: string
  createdAt: string
  /** 已停用: no login, sessions ended (issue 13) */
  disabled?: boolean
  /** a password set by someone else: changed before anything else */
  mustChangePassword?: boolean
  /** moves with every change that must end the member's sessions; absent (0) on older items */
  version: number
}

export const staffKey = (staffId: string) => ({ pk: `STAFF#${staffId}`, sk: 'PROFILE' })
export const staffLoginKey = (username: string) => ({ pk: `LOGIN#STAFF#${username}`, sk: 'LOGIN' })
export const centerStaffIndexKey = (centerCode: string) => `CENTER#${centerCode}#STAFF`
export const centerAdminsKey = (centerCode: string) => ({ pk: `CENTER#${centerCode}`, sk: 'STAFFADMINS' })

export function staffFromItem(i: StoredItem): StaffItem {
  return {
    staffId: i.staffId as string,
    username: i.username as string,
    name: i.name as string,
    centerCode: i.centerCode as string,
    role: i.role as StaffItem['role'],
    ...(i.roles ? { roles: i.roles as StaffRole[] } : {}),
    passwordHash: i.passwordHash as string,
    createdAt: i.createdAt as string,
    ...(i.disabled ? { disabled: true } : {}),
    ...(i.mustChangePassword ? { mustChangePassword: true } : {}),
    version: (i.version as number | undefined) ?? 0,
  }
}

export async function findStaffId(username: string): Promise<string | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: staffLoginKey(username) }))
  return out.Item?.staffId as string | undefined
}

export async function getStaff(staffId: string): Promise<StaffItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: staffKey(staffId) }))
  return out.Item ? staffFromItem(out.Item) : undefined
}

/** a center's staff, by username: one Query of gsi1 */
export async function listCenterStaff(centerCode: string): Promise<StaffItem[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :g',
    ExpressionAttributeValues: { ':g': centerStaffIndexKey(centerCode) },
  })
  return items.map(staffFromItem)
}

const isAdmin = (s: Pick<StaffItem, 'role' | 'roles'>) => staffRoles(s).includes('centerAdmin')

function adminCount(centerCode: string, delta: 1 | -1): Write<{ reason: 'lastAdmin' }> {
  return {
    item: {
      Update: {
        TableName: table,
        Key: centerAdminsKey(centerCode),
        UpdateExpression: 'SET entity = :e ADD active :d',
        ...(delta < 0
          ? {
              ConditionExpression: 'active > :one',
              ExpressionAttributeValues: { ':d': -1, ':one': 1, ':e': 'StaffAdmins' },
            }
          : { ExpressionAttributeValues: { ':d': 1, ':e': 'StaffAdmins' } }),
      },
    },
    onFailure: () => ({ reason: 'lastAdmin' as const }),
  }
}

/**
 * A new staff member and their login name, with `also` (an audit entry) in one transaction.
 * `usernameTaken` when the login name is someone's already.
 */
export async function createStaff(s: Omit<StaffItem, 'version'>, also: Write[] = []) {
  const unique = { ConditionExpression: 'attribute_not_exists(pk)' }
  const outcome = await transact<{ reason: 'usernameTaken' | 'lastAdmin' }>([
    plain({
      Put: {
        TableName: table,
        Item: {
          ...staffKey(s.staffId),
          entity: 'Staff',
          gsi1pk: centerStaffIndexKey(s.centerCode),
          gsi1sk: s.username,
          ...s,
          version: 1,
        },
        ...unique,
      },
    }),
    {
      item: {
        Put: {
          TableName: table,
          Item: { ...staffLoginKey(s.username), entity: 'Login', staffId: s.staffId },
          ...unique,
        },
      },
      onFailure: () => ({ reason: 'usernameTaken' as const }),
    },
    ...(isAdmin(s) && !s.disabled ? [adminCount(s.centerCode, 1)] : []),
    ...also,
  ])
  if (!outcome.ok && outcome.reason !== 'usernameTaken') throw new Error(`staff not created: ${outcome.reason}`)
  return outcome as { ok: true } | { ok: false; reason: 'usernameTaken' }
}

/** the record is at `version` as read (0: an item from before versions, which has none) */
const atVersion = (version: number) =>
  version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(version)' : 'version = :v'

export type StaffChange = Partial<Pick<StaffItem, 'disabled' | 'mustChangePassword' | 'passwordHash'>>

/**
 * Changes a staff record read at `s.version`, with `also` (an audit entry) in one transaction.
 * Disabling an admin takes one from the center's active admins (refused for the last one);
 * re-enabling adds one. `staffChanged` when the record moved since it was read.
 */
export async function changeStaff(s: StaffItem, change: StaffChange, at: string, also: Write[] = []) {
  const names = Object.keys(change) as (keyof StaffChange)[]
  const wasActive = !s.disabled
  const nowActive = change.disabled === undefined ? wasActive : !change.disabled
  const adminWrites = isAdmin(s) && wasActive !== nowActive ? [adminCount(s.centerCode, nowActive ? 1 : -1)] : []
  const { version } = s
  return transact<{ reason: 'staffChanged' | 'lastAdmin' }>([
    {
      item: {
        Update: {
          TableName: table,
          Key: staffKey(s.staffId),
          UpdateExpression: `SET ${names.map((n) => `${n} = :${n}`).join(', ')}${names.length ? ', ' : ''}updatedAt = :at, version = :next`,
          ConditionExpression: atVersion(version),
          ExpressionAttributeValues: {
            ...Object.fromEntries(names.map((n) => [`:${n}`, change[n]])),
            ':at': at,
            ...(version === 0 ? {} : { ':v': version }),
            ':next': version + 1,
          },
        },
      },
      onFailure: () => ({ reason: 'staffChanged' as const }),
    },
    ...adminWrites,
    ...also,
  ])
}

/** the roles a staff member holds: `roles`, or the single `role` of an older item */
export function staffRoles(s: Pick<StaffItem, 'role' | 'roles'>): StaffRole[] {
  return s.roles ?? [s.role]
}

/** the condition a new staff session is written with: the record is at the version read at sign-in */
export function staffUnchanged(s: Pick<StaffItem, 'staffId' | 'version'>): Write<{ reason: 'ownerChanged' }> {
  return {
    item: {
      ConditionCheck: {
        TableName: table,
        Key: staffKey(s.staffId),
        ConditionExpression: atVersion(s.version),
        ...(s.version === 0 ? {} : { ExpressionAttributeValues: { ':v': s.version } }),
      },
    },
    onFailure: () => ({ reason: 'ownerChanged' as const }),
  }
}

/**
 * The staff member is still enabled, with a password of their own, and holds `role` when the
 * transaction commits: a role taken away since sign-in stops the step (`roleTaken`); an account
 * disabled meanwhile ends the session (`sessionEnded`), even before its sessions are deleted; a
 * password set by an admin must be changed first (`passwordChange`). Older items hold only `role`.
 */
export type StillHoldsFailure = { reason: 'roleTaken' | 'sessionEnded' | 'passwordChange' }
export function stillHolds(staffId: string, role: StaffRole): Write<StillHoldsFailure> {
  return {
    item: {
      ConditionCheck: {
        TableName: table,
        Key: staffKey(staffId),
        ConditionExpression:
          '(contains(#roles, :r) OR (attribute_not_exists(#roles) AND #role = :r))' +
          ' AND (attribute_not_exists(disabled) OR disabled = :off)' +
          ' AND (attribute_not_exists(mustChangePassword) OR mustChangePassword = :off)',
        ExpressionAttributeNames: { '#roles': 'roles', '#role': 'role' },
        ExpressionAttributeValues: { ':r': role, ':off': false },
      },
    },
    onFailure: (current) => ({
      reason:
        !current || current.disabled === true
          ? 'sessionEnded'
          : current.mustChangePassword === true
            ? 'passwordChange'
            : 'roleTaken',
    }),
  }
}
