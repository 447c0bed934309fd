import * as z from 'zod/mini'
import '../zod-locale'
import { checkAppPassword } from '../validation'
import { appPasswordSchema, passwordChangeSchema } from '../validation-schemas'
import { id, instant, isoDate, okOutput, page, pagedInput } from './common'
import { defineOperation, emptyInput } from './contract'
import { staffRoleSchema } from './publishing'

/**
 * 账号管理 (center admin, role 'centerAdmin'): the center's reviewer/publisher accounts — create,
 * disable, re-enable, reset the password (the account must change it at its next login) — and the
 * center's audit log. Another center's staff are 404; a staff member without the role gets 403.
 * Staff passwords follow the depositors' policy (checkAppPassword), hashing and login lock.
 */

/** the roles a center admin may give: 审批 and 信息发布 */
export const ASSIGNABLE_ROLES = ['reviewer', 'publisher'] as const
export const assignableRoleSchema = z.enum(ASSIGNABLE_ROLES, { error: '请选择岗位：审批或信息发布' })

const staffId = z
  .string({ error: '账号编号不正确' })
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '账号编号不正确' }))
const version = z.int({ error: '版本号不正确，请刷新后重试' }).check(z.gte(1, { error: '版本号不正确，请刷新后重试' }))

export const usernameSchema = z
  .string({ error: '请输入用户名' })
  .check(
    z.trim(),
    z.minLength(3, { error: '用户名至少3位' }),
    z.maxLength(32, { error: '用户名不能超过32位' }),
    z.regex(/^[a-z][a-z0-9_.-]*$/, { error: '用户名以小写字母开头，只能包含小写字母、数字、点、下划线和减号' }),
  )

export const staffAccountSchema = z.object({
  id,
  username: z.string(),
  name: z.string(),
  roles: z.array(staffRoleSchema),
  /** 正常 / 已停用 */
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: instant,
  version: z.int().check(z.positive()),
})

export const listStaff = defineOperation({
  name: 'listStaff',
  method: 'GET',
  path: '/api/admin/staff',
  audience: 'staff',
  summary: '账号管理：本中心的工作人员账号',
  input: emptyInput,
  output: z.object({ items: z.array(staffAccountSchema) }),
})

export const createStaff = defineOperation({
  name: 'createStaff',
  method: 'POST',
  path: '/api/admin/staff',
  audience: 'staff',
  summary: '新建本中心的审批或信息发布账号（初始密码须在首次登录时修改）',
  input: z.strictObject({
    username: usernameSchema,
    name: z
      .string({ error: '请输入姓名' })
      .check(z.trim(), z.minLength(1, { error: '请输入姓名' }), z.maxLength(20, { error: '姓名不能超过20个字' })),
    roles: z.array(assignableRoleSchema, { error: '请选择岗位' }).check(
      z.minLength(1, { error: '请至少选择一个岗位' }),
      z.maxLength(2, {
        error: '岗位重复',
      }),
    ),
    initialPassword: appPasswordSchema,
  }),
  output: staffAccountSchema,
})

const staffChange = z.strictObject({ id: staffId, version })

export const disableStaff = defineOperation({
  name: 'disableStaff',
  method: 'POST',
  path: '/api/admin/staff/{id}/disable',
  audience: 'staff',
  summary: '停用账号：该账号的登录会话立即失效',
  input: staffChange,
  output: staffAccountSchema,
})

export const enableStaff = defineOperation({
  name: 'enableStaff',
  method: 'POST',
  path: '/api/admin/staff/{id}/enable',
  audience: 'staff',
  summary: '重新启用已停用的账号',
  input: staffChange,
  output: staffAccountSchema,
})

export const resetStaffPassword = defineOperation({
  name: 'resetStaffPassword',
  method: 'POST',
  path: '/api/admin/staff/{id}/password',
  audience: 'staff',
  summary: '重置账号密码：旧会话失效，下次登录须修改密码',
  input: z.extend(staffChange, { newPassword: appPasswordSchema }),
  output: staffAccountSchema,
})

export const changeStaffPassword = defineOperation({
  name: 'changeStaffPassword',
  method: 'POST',
  path: '/api/admin/password',
  audience: 'staff',
  summary: '工作人员修改自己的密码（其他会话失效）',
  input: passwordChangeSchema(checkAppPassword),
  output: okOutput,
})

export const auditEntrySchema = z.object({
  id: z.string(),
  at: instant,
  staffId: z.string(),
  /** the staff member's name, or the id of one no longer on the list */
  staffName: z.string(),
  action: z.string(),
  /** 审批通过, 退回, 新建账号, … */
  actionLabel: z.string(),
  /** what was acted on: 申请编号, 账号, 新闻 … (plain text) */
  target: z.string(),
  /** a reason or an opinion, plain text; '' when none */
  note: z.string(),
})

export const listStaffAudit = defineOperation({
  name: 'listStaffAudit',
  method: 'GET',
  path: '/api/admin/audit',
  audience: 'staff',
  summary: '操作日志：本中心工作人员的审批、退回和账号操作，可按人员和日期筛选',
  input: pagedInput({
    staffId: z.optional(staffId),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
  }),
  output: page(auditEntrySchema),
})
