import type { StaffRole } from '@gjj/shared/api/publishing'
import { AppError, Forbidden, Unauthorized } from '../lib/errors'
import type { StaffSession } from '../repository/sessions'
import { getStaff, type StaffItem, staffRoles } from '../repository/staff'

/**
 * The staff record behind a session, with a role checked. Roles are read from the record on every
 * request (one GetItem), not from the session: a role taken away applies at once, and sessions
 * opened before roles existed need no change. A disabled account is 401, an account whose password
 * an admin set is 403 PASSWORD_CHANGE_REQUIRED until it changes it.
 */
const MISSING: Record<StaffRole, string> = {
  reviewer: '您没有审批权限',
  publisher: '您没有发布信息的权限，请联系中心管理员开通',
  regionAdmin: '您没有发布自治区通知的权限',
  centerAdmin: '您没有账号管理权限，请联系中心管理员',
}

/**
 * The caller's own staff record, present and enabled: a disabled account is 401 on its next request
 * whatever became of its sessions (its sessions are also ended when it is disabled).
 */
export async function activeStaff(caller: StaffSession): Promise<StaffItem> {
  const staff = await getStaff(caller.staffId)
  if (!staff || staff.disabled) throw new Unauthorized()
  return staff
}

export const passwordChangeRequired = () =>
  new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '您的密码由管理员设置，请先修改密码')

export const REVIEWER_ROLE_MISSING = MISSING.reviewer

/**
 * The reviewer behind a session, as at sign-in (decision 85): the name and roles the session was
 * opened with, so approveApplication reads no staff record — it checks the role again inside its own
 * transaction (`stillHolds`). A session opened before decision 85 carries neither: the record is read.
 */
export async function reviewerAtSignIn(caller: StaffSession): Promise<{ name: string }> {
  if (caller.name === undefined || caller.roles === undefined) return staffWithRole(caller, 'reviewer')
  if (!caller.roles.includes('reviewer')) throw new Forbidden(MISSING.reviewer)
  return { name: caller.name }
}

/** the caller's staff record, if it holds `role` (or one of the roles given) */
export async function staffWithRole(caller: StaffSession, role: StaffRole | StaffRole[]): Promise<StaffItem> {
  const wanted = Array.isArray(role) ? role : [role]
  const staff = await activeStaff(caller)
  if (staff.mustChangePassword) throw passwordChangeRequired()
  const held = staffRoles(staff)
  if (!wanted.some((r) => held.includes(r))) throw new Forbidden(MISSING[wanted[0] as StaffRole])
  return staff
}

export const actorOf = (staff: StaffItem) => `staff:${staff.staffId}`
