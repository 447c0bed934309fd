import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { StaffRole } from '@gjj/shared/api/publishing'
import { db, table } from './client'
import { plain, type StoredItem, transact, type Write } from './transaction'

/**
 * Center staff (审批人员). profile: pk STAFF#<id>, sk PROFILE; login lookup (unique): pk
 * LOGIN#STAFF#<username>, sk LOGIN → staffId.
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
  /** moves with every change that must end the member's sessions; absent (0) on older items */
  version: number
}

export const staffKey = (staffId: string) => ({ pk: `STAFF#${staffId}`, sk: 'PROFILE' })
export const staffLoginKey = (username: string) => ({ pk: `LOGIN#STAFF#${username}`, sk: 'LOGIN' })

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

export async function createStaff(s: Omit<StaffItem, 'version'>): Promise<void> {
  const unique = { ConditionExpression: 'attribute_not_exists(pk)' }
  await transact([
    plain({
      Put: { TableName: table, Item: { ...staffKey(s.staffId), entity: 'Staff', ...s, version: 1 }, ...unique },
    }),
    plain({
      Put: { TableName: table, Item: { ...staffLoginKey(s.username), entity: 'Login', staffId: s.staffId }, ...unique },
    }),
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
        ConditionExpression:
          s.version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(version)' : 'version = :v',
        ...(s.version === 0 ? {} : { ExpressionAttributeValues: { ':v': s.version } }),
      },
    },
    onFailure: () => ({ reason: 'ownerChanged' as const }),
  }
}

/**
 * The staff member still holds `role` when the transaction commits (a role taken away since sign-in
 * stops the step: `roleTaken`). Older items hold only `role`.
 */
export function stillHolds(staffId: string, role: StaffRole): Write<{ reason: 'roleTaken' }> {
  return {
    item: {
      ConditionCheck: {
        TableName: table,
        Key: staffKey(staffId),
        ConditionExpression: 'contains(#roles, :r) OR (attribute_not_exists(#roles) AND #role = :r)',
        ExpressionAttributeNames: { '#roles': 'roles', '#role': 'role' },
        ExpressionAttributeValues: { ':r': role },
      },
    },
    onFailure: () => ({ reason: 'roleTaken' as const }),
  }
}
