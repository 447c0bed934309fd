import * as z from 'zod/mini'
import '../zod-locale'
import { applicationKindSchema } from '../catalog-schemas'
import { ACCOUNT_STATUS } from '../codes'
import { genderSchema } from '../validation-schemas'
import { applicationDetailSchema, applicationId, applicationStatus, applicationSummarySchema } from './application'
import {
  coded,
  codeSchema,
  fen,
  id,
  isoDate,
  maskedIdNumber,
  maskedPhone,
  okOutput,
  page,
  pagedInput,
  session,
  staffRoleSchema,
} from './common'
import { defineOperation, emptyInput } from './contract'

/**
 * The review console (center staff). A reviewer sees and acts on their own center's applications
 * only; every action is audited. Archive files come with short-lived presigned GET URLs.
 */
export const staffSchema = z.object({
  id,
  username: z.string(),
  name: z.string(),
  centerCode: z.string(),
  centerName: z.string(),
  /** what the console offers: 审批 (reviewer), 新闻/网点 (publisher), 自治区通知 (regionAdmin) */
  roles: z.array(staffRoleSchema),
  /** a password set by a center admin (or the first admin's command): 修改密码 before anything else */
  mustChangePassword: z.boolean(),
})

export const staffLogin = defineOperation({
  name: 'staffLogin',
  method: 'POST',
  path: '/api/admin/login',
  audience: 'public',
  summary: '审批人员登录',
  input: z.strictObject({
    username: z
      .string({ error: '请输入用户名' })
      .check(z.trim(), z.minLength(1, { error: '请输入用户名' }), z.maxLength(64)),
    password: z.string({ error: '请输入密码' }).check(z.minLength(1, { error: '请输入密码' }), z.maxLength(128)),
  }),
  output: z.object({ session, staff: staffSchema }),
})

export const staffLogout = defineOperation({
  name: 'staffLogout',
  method: 'POST',
  path: '/api/admin/logout',
  audience: 'staff',
  summary: '审批人员退出登录',
  input: emptyInput,
  output: okOutput,
})

export const staffMe = defineOperation({
  name: 'staffMe',
  method: 'GET',
  path: '/api/admin/me',
  audience: 'staff',
  summary: '当前登录的审批人员',
  input: emptyInput,
  output: staffSchema,
})

export const reviewQueueItemSchema = z.extend(applicationSummarySchema, {
  depositorName: z.string(),
  idNumberMasked: maskedIdNumber,
})

/** how many of the center's applications are in each state the queue lists (the status chips) */
export const queueCountsSchema = z.object({
  submitted: z.number().check(z.int()),
  returned: z.number().check(z.int()),
  approved: z.number().check(z.int()),
})

export const listReviewQueue = defineOperation({
  name: 'listReviewQueue',
  method: 'GET',
  path: '/api/admin/applications',
  audience: 'staff',
  summary: '审批队列：本中心的申请，按状态（默认待审批）、业务类型、提交日期、姓名或个人账号筛选',
  input: pagedInput({
    status: z.optional(applicationStatus),
    kind: z.optional(applicationKindSchema),
    submittedFrom: z.optional(isoDate),
    submittedTo: z.optional(isoDate),
    /** 姓名 or 个人账号 */
    q: z.optional(
      z.string({ error: '请输入姓名或个人账号' }).check(z.trim(), z.maxLength(50, { error: '搜索内容不能超过50个字' })),
    ),
    /** by submission time: oldest first (待审批's default) or newest first (the others' default) */
    order: z.optional(z.enum(['asc', 'desc'], { error: '排序方式只能是 asc 或 desc' })),
  }),
  // counts per state on the first page (no cursor); null on the pages after it
  output: z.extend(page(reviewQueueItemSchema), { counts: z.nullable(queueCountsSchema) }),
})

export const getReviewDetail = defineOperation({
  name: 'getReviewDetail',
  method: 'GET',
  path: '/api/admin/applications/{id}',
  audience: 'staff',
  summary: '审批详情：申请信息、缴存人信息、档案文件（预签名查看地址）和流程记录',
  input: z.strictObject({ id: applicationId }),
  output: z.extend(applicationDetailSchema, {
    depositor: z.object({
      name: z.string(),
      idNumberMasked: maskedIdNumber,
      phoneMasked: maskedPhone,
      gender: genderSchema,
      birthDate: isoDate,
      accountNo: z.string(),
      accountStatus: coded(codeSchema(ACCOUNT_STATUS)),
      balanceFen: fen,
      /** 法定退休年龄 reached per the ID number (离退休提取) */
      retirementAgeReached: z.boolean(),
    }),
  }),
})

export const approveApplication = defineOperation({
  name: 'approveApplication',
  method: 'POST',
  path: '/api/admin/applications/{id}/approve',
  audience: 'staff',
  summary: '审批通过（可填写审批意见）：资金划转、余额更新在同一事务中完成',
  input: z.strictObject({
    id: applicationId,
    opinion: z.optional(
      z.string({ error: '审批意见不正确' }).check(z.trim(), z.maxLength(200, { error: '审批意见不能超过200个字' })),
    ),
  }),
  output: applicationSummarySchema,
})

export const returnApplication = defineOperation({
  name: 'returnApplication',
  method: 'POST',
  path: '/api/admin/applications/{id}/return',
  audience: 'staff',
  summary: '退回申请：必须填写退回原因，缴存人在待办事项中看到',
  input: z.strictObject({
    id: applicationId,
    reason: z
      .string({ error: '请填写退回原因' })
      .check(
        z.trim(),
        z.minLength(1, { error: '请填写退回原因' }),
        z.maxLength(200, { error: '退回原因不能超过200个字' }),
      ),
  }),
  output: applicationSummarySchema,
})
