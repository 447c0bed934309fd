import type { StaffRole } from '@gjj/shared/api/publishing'
import { Forbidden, Unauthorized } from '../lib/errors'
import type { StaffSession } from '../repository/sessions'
import { getStaff, type StaffItem, staffRoles } from '../repository/staff'

/**
 * The staff record behind a session, with a role checked. Roles are read from the record on every
 * request (one GetItem), not from the session: a role taken away applies at once, and sessions
 * opened before roles existed need no change.
 */
const MISSING: Record<StaffRole, string> = {
  reviewer: '您没有审批权限',
  publisher: '您没有发布信息的权限，请联系中心管理员开通',
  regionAdmin: '您没有发布自治区通知的权限',
}

/** the caller's staff record, if it holds `role` (or one of the roles given) */
export async function staffWithRole(caller: StaffSession, role: StaffRole | StaffRole[]): Promise<StaffItem> {
  const wanted = Array.isArray(role) ? role : [role]
  const staff = await getStaff(caller.staffId)
  if (!staff) throw new Unauthorized()
  const held = staffRoles(staff)
  if (!wanted.some((r) => held.includes(r))) throw new Forbidden(MISSING[wanted[0] as StaffRole])
  return staff
}

export const actorOf = (staff: StaffItem) => `staff:${staff.staffId}`
