import type { staffLogin } from '@gjj/shared/api/admin'
import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { AppError } from '../lib/errors'
import { getCenter } from '../repository/centers'
import { staffLockId } from '../repository/limits'
import type { StaffSession } from '../repository/sessions'
import * as staff from '../repository/staff'
import { checkPassword } from './login-guard'
import { openSession } from './sessions'
import { activeStaff } from './staff-roles'

/**
 * Center staff sign in (审批人员), beside the depositors' auth.ts: the same password guard
 * (rate limit, lock after 5 wrong passwords), a staff session.
 */
async function staffProfile(s: staff.StaffItem) {
  const center = await getCenter(s.centerCode)
  return {
    id: s.staffId,
    username: s.username,
    name: s.name,
    centerCode: s.centerCode,
    centerName: center?.name ?? s.centerCode,
    roles: staff.staffRoles(s),
    mustChangePassword: s.mustChangePassword === true,
  }
}

export async function login(input: ParsedInputOf<typeof staffLogin>, client: string) {
  const s = await checkPassword({
    scope: 'staff-login',
    client,
    identifier: `staff#${input.username}`,
    password: input.password,
    resolve: () => staff.findStaffId(input.username),
    load: (id) => staff.getStaff(id),
    lockOf: staffLockId,
    wrong: (left) => `用户名或密码错误，还可尝试 ${left} 次`,
  })
  // told only after the right password: a guess learns nothing about the account
  if (s.disabled) throw new AppError(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系中心管理员')
  const [session, profile] = await Promise.all([
    openSession(
      // name and roles as at sign-in: approveApplication reads them here (decision 85)
      {
        kind: 'staff',
        staffId: s.staffId,
        centerCode: s.centerCode,
        role: s.role,
        name: s.name,
        roles: staff.staffRoles(s),
      },
      staff.staffUnchanged(s),
    ),
    staffProfile(s),
  ])
  return { session, staff: profile }
}

export async function me(caller: StaffSession) {
  return staffProfile(await activeStaff(caller))
}
