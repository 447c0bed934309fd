import { randomInt } from 'node:crypto'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { StaffRole } from '@gjj/shared/api/publishing'
import { chinaMonth } from '@gjj/shared/clock'
import { vi } from 'vitest'
import { nowIso } from '../src/lib/clock'
import { type AuditEntry, auditFromItem, auditPartition } from '../src/repository/audit'
import { db, table } from '../src/repository/client'
import { createStaff } from '../src/repository/staff'
import { openSession } from '../src/services/sessions'

/** a staff member of `centerCode` holding `roles`, signed in (password hashing skipped: never used) */
export async function makeStaff(centerCode: string, roles: StaffRole[]) {
  const u = String(randomInt(0, 100_000_000)).padStart(8, '0')
  const staffId = `TP${u}`
  await createStaff({
    staffId,
    username: `staff${u}`,
    name: `信息员${u}`,
    centerCode,
    role: roles[0] ?? 'reviewer',
    ...(roles.length ? { roles } : {}),
    passwordHash: 'unused',
    createdAt: nowIso(),
  })
  const { token } = await openSession({ kind: 'staff', staffId, centerCode, role: roles[0] ?? 'reviewer' })
  return { staffId, token }
}

/** counts the DynamoDB calls `fn` makes, by command name */
export async function countCalls<T>(fn: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const calls: string[] = []
  const send = db.send.bind(db)
  const spy = vi.spyOn(db, 'send').mockImplementation(((command: { constructor: { name: string } }) => {
    calls.push(command.constructor.name)
    return send(command as never)
  }) as typeof db.send)
  try {
    return { result: await fn(), calls }
  } finally {
    spy.mockRestore()
  }
}

/** the audit entries of one target in the China month of `at` */
export async function auditsOf(target: string, at: string): Promise<AuditEntry[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'target = :t',
      ExpressionAttributeValues: { ':pk': auditPartition(chinaMonth(at)), ':t': target },
    }),
  )
  return (out.Items ?? []).map(auditFromItem)
}
