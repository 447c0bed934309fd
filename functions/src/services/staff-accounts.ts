import type { ParsedInputOf } from '@gjj/shared/api/contract'
import type {
  listStaffAudit as auditOp,
  changeStaffPassword,
  createStaff as createOp,
  resetStaffPassword as resetOp,
} from '@gjj/shared/api/staff-accounts'
import { usernameSchema } from '@gjj/shared/api/staff-accounts'
import { chinaDayRange } from '@gjj/shared/clock'
import { checkAppPassword } from '@gjj/shared/validation'
import { nowIso } from '../lib/clock'
import { Conflict, NotFound, RuleViolation } from '../lib/errors'
import { hashPassword } from '../lib/password'
import { newId, tokenHash } from '../lib/tokens'
import { type AuditEntry, listCenterAudit, recordAudit } from '../repository/audit'
import { getCenter } from '../repository/centers'
import { staffLockId } from '../repository/limits'
import { revokeSessions, type StaffSession } from '../repository/sessions'
import * as staff from '../repository/staff'
import { checkOwnPassword } from './login-guard'
import { activeStaff, actorOf, staffWithRole } from './staff-roles'

/**
 * 账号管理 (a center admin, role 'centerAdmin'): their center's staff accounts and audit log.
 * Another center's account is 404 (as if it did not exist); every change is audited on the center's
 * log in the same transaction; disabling or resetting a password ends the account's sessions at once.
 * One password policy (checkAppPassword, in the contract), one hashing (lib/password), one login
 * lock (login-guard) for depositors and staff.
 */
function account(s: staff.StaffItem) {
  return {
    id: s.staffId,
    username: s.username,
    name: s.name,
    roles: staff.staffRoles(s),
    disabled: s.disabled === true,
    mustChangePassword: s.mustChangePassword === true,
    createdAt: s.createdAt,
    version: s.version ?? 1,
  }
}

const audit = (admin: staff.StaffItem, action: string, target: staff.StaffItem, at: string) =>
  recordAudit({
    at,
    id: newId('AU'),
    actor: actorOf(admin),
    action,
    target: `staff:${target.staffId}`,
    detail: { username: target.username, name: target.name, staffName: admin.name },
    centerCode: admin.centerCode,
  })

/** a staff member of the admin's own center; another center's is not found */
async function ownCenterStaff(admin: staff.StaffItem, id: string) {
  const s = await staff.getStaff(id)
  if (!s || s.centerCode !== admin.centerCode) throw new NotFound('未找到该账号')
  return s
}

const changedMeanwhile = () => new Conflict('CHANGED', '该账号刚被他人修改，请刷新后重试')

async function change(
  caller: StaffSession,
  input: { id: string; version: number },
  action: string,
  what: (s: staff.StaffItem) => Promise<staff.StaffChange> | staff.StaffChange,
) {
  const admin = await staffWithRole(caller, 'centerAdmin')
  const s = await ownCenterStaff(admin, input.id)
  if ((s.version ?? 1) !== input.version) throw changedMeanwhile()
  const set = await what(s)
  const at = nowIso()
  const outcome = await staff.changeStaff(s, set, at, [audit(admin, action, s, at)])
  if (!outcome.ok) {
    if (outcome.reason === 'lastAdmin') {
      throw new RuleViolation('LAST_ADMIN', '这是本中心最后一个启用的管理员账号，不能停用')
    }
    throw changedMeanwhile()
  }
  return { before: s, after: { ...s, ...set, version: (s.version ?? 1) + 1 } }
}

export async function list(caller: StaffSession) {
  const admin = await staffWithRole(caller, 'centerAdmin')
  const items = await staff.listCenterStaff(admin.centerCode)
  return { items: items.map(account) }
}

export async function create(caller: StaffSession, input: ParsedInputOf<typeof createOp>) {
  const admin = await staffWithRole(caller, 'centerAdmin')
  const roles = [...new Set(input.roles)]
  const s: staff.StaffItem = {
    staffId: newId('ST'),
    username: input.username,
    name: input.name,
    centerCode: admin.centerCode,
    role: roles[0] ?? 'reviewer',
    roles,
    passwordHash: await hashPassword(input.initialPassword),
    createdAt: nowIso(),
    mustChangePassword: true,
    version: 1,
  }
  const outcome = await staff.createStaff(s, [audit(admin, 'staff.create', s, s.createdAt)])
  if (!outcome.ok) {
    throw new RuleViolation('USERNAME_TAKEN', '该用户名已被使用，请换一个', [
      { path: ['username'], message: '该用户名已被使用' },
    ])
  }
  return account(s)
}

export async function disable(caller: StaffSession, input: { id: string; version: number }) {
  if (input.id === caller.staffId) throw new RuleViolation('SELF_DISABLE', '不能停用自己的账号')
  const { after } = await change(caller, input, 'staff.disable', (s) => {
    if (s.disabled) throw new RuleViolation('ALREADY_DISABLED', '该账号已停用')
    return { disabled: true }
  })
  await revokeSessions({ kind: 'staff', id: after.staffId })
  return account(after)
}

export async function enable(caller: StaffSession, input: { id: string; version: number }) {
  const { after } = await change(caller, input, 'staff.enable', (s) => {
    if (!s.disabled) throw new RuleViolation('NOT_DISABLED', '该账号未停用')
    return { disabled: false }
  })
  return account(after)
}

export async function resetPassword(caller: StaffSession, input: ParsedInputOf<typeof resetOp>) {
  const { after } = await change(caller, input, 'staff.resetPassword', async () => ({
    passwordHash: await hashPassword(input.newPassword),
    mustChangePassword: true,
  }))
  await revokeSessions({ kind: 'staff', id: after.staffId })
  return account(after)
}

/** 修改密码 (any staff member, also while a change is required): the other sessions end */
export async function changeOwnPassword(
  caller: StaffSession,
  token: string | undefined,
  input: ParsedInputOf<typeof changeStaffPassword>,
) {
  const me = await activeStaff(caller)
  await checkOwnPassword(staffLockId(me.staffId), input.oldPassword, me.passwordHash)
  const at = nowIso()
  const outcome = await staff.changeStaff(
    me,
    { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false },
    at,
    [audit(me, 'staff.changePassword', me, at)],
  )
  if (!outcome.ok) throw changedMeanwhile()
  await revokeSessions({ kind: 'staff', id: me.staffId }, token ? tokenHash(token) : undefined)
  return { ok: true as const }
}

const ACTION_LABELS: Record<string, string> = {
  approveApplication: '审批通过',
  returnApplication: '退回',
  'staff.create': '新建账号',
  'staff.disable': '停用账号',
  'staff.enable': '启用账号',
  'staff.resetPassword': '重置密码',
  'staff.changePassword': '修改密码',
  'news.create': '新建新闻',
  'news.update': '修改新闻',
  'news.publish': '发布新闻',
  'news.unpublish': '撤回新闻',
  'news.delete': '删除新闻',
  'outlet.upsert': '保存网点',
  'outlet.delete': '删除网点',
}

function targetText(e: AuditEntry): string {
  const [kind, ...rest] = e.target.split(/[:#]/)
  const name = rest.join(':')
  const d = e.detail
  if (kind === 'APP') return `申请 ${name}`
  if (kind === 'staff') return `账号 ${String(d.username ?? name)}（${String(d.name ?? '')}）`
  if (kind === 'news') return `新闻 ${String(d.title ?? name)}`
  if (kind === 'outlet') return `网点 ${String(d.name ?? name)}`
  return e.target
}

function noteOf(e: AuditEntry): string {
  const d = e.detail
  if (typeof d.reason === 'string') return d.reason
  if (typeof d.opinion === 'string') return d.opinion
  return ''
}

export async function auditLog(caller: StaffSession, input: ParsedInputOf<typeof auditOp>) {
  const admin = await staffWithRole(caller, 'centerAdmin')
  if (input.staffId) await ownCenterStaff(admin, input.staffId)
  const [page, people] = await Promise.all([
    listCenterAudit(admin.centerCode, {
      limit: input.limit ?? 50,
      ...(input.cursor ? { cursor: input.cursor } : {}),
      ...(input.staffId ? { actor: `staff:${input.staffId}` } : {}),
      ...chinaDayRange(input.from, input.to),
    }),
    staff.listCenterStaff(admin.centerCode),
  ])
  const names = new Map(people.map((p) => [p.staffId, p.name]))
  return {
    items: page.items.map((e) => {
      const staffId = e.actor.replace(/^staff:/, '')
      return {
        id: e.id,
        at: e.at,
        staffId,
        staffName: names.get(staffId) ?? String(e.detail.staffName ?? staffId),
        action: e.action,
        actionLabel: ACTION_LABELS[e.action] ?? e.action,
        target: targetText(e),
        note: noteOf(e),
      }
    }),
    nextCursor: page.nextCursor,
  }
}

/**
 * The first admin of a center (`npm run create-admin`): run by whoever deploys, with the table's
 * credentials, not through the API. The center must exist; the username must be free; the password
 * follows the policy and must be changed at the first login. Audited as the command's.
 */
export async function createFirstAdmin(input: {
  centerCode: string
  username: string
  name: string
  password: string
}) {
  const username = usernameSchema.safeParse(input.username)
  if (!username.success) throw new RuleViolation('BAD_USERNAME', username.error.issues[0]?.message ?? '用户名不正确')
  const policy = checkAppPassword(input.password)
  if (!policy.ok) throw new RuleViolation('PASSWORD_POLICY', policy.message)
  if (!(await getCenter(input.centerCode))) throw new NotFound(`未找到中心 ${input.centerCode}`)
  const s: staff.StaffItem = {
    staffId: newId('ST'),
    username: username.data,
    name: input.name,
    centerCode: input.centerCode,
    role: 'centerAdmin',
    roles: ['centerAdmin'],
    passwordHash: await hashPassword(input.password),
    createdAt: nowIso(),
    mustChangePassword: true,
    version: 1,
  }
  const outcome = await staff.createStaff(s, [
    recordAudit({
      at: s.createdAt,
      id: newId('AU'),
      actor: 'system:create-admin',
      action: 'staff.create',
      target: `staff:${s.staffId}`,
      detail: { username: s.username, name: s.name, staffName: '部署命令' },
      centerCode: s.centerCode,
    }),
  ])
  if (!outcome.ok) throw new RuleViolation('USERNAME_TAKEN', '该用户名已被使用，请换一个')
  return account(s)
}
