import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { StaffRole } from '@gjj/shared/api/publishing'
import { db, table } from './client'

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
}

export async function findStaffId(username: string): Promise<string | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: { pk: `LOGIN#STAFF#${username}`, sk: 'LOGIN' } }))
  return out.Item?.staffId as string | undefined
}

export async function getStaff(staffId: string): Promise<StaffItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: { pk: `STAFF#${staffId}`, sk: 'PROFILE' } }))
  return out.Item as StaffItem | undefined
}

export async function createStaff(s: StaffItem): Promise<void> {
  await db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table,
            Item: { pk: `STAFF#${s.staffId}`, sk: 'PROFILE', entity: 'Staff', ...s },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table,
            Item: { pk: `LOGIN#STAFF#${s.username}`, sk: 'LOGIN', entity: 'Login', staffId: s.staffId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  )
}

/** the roles a staff member holds: `roles`, or the single `role` of an older item */
export function staffRoles(s: Pick<StaffItem, 'role' | 'roles'>): StaffRole[] {
  return s.roles ?? [s.role]
}
