import * as z from 'zod/mini'
import '../zod-locale'
import { ARCHIVE_CONTENT_TYPES, MAX_ARCHIVE_FILE_BYTES, MONTHLY_DEDUCTION_ACTIONS } from '../catalog'
import { applicationKindSchema, archiveCategorySchema, noticeSchema } from '../catalog-schemas'
import { amountFenSchema } from '../validation-schemas'
import { ACTORS, APPLICATION_STATES, TIMELINE_ACTIONS, WORKFLOW_ACTIONS } from '../workflow'
import { bankCardInfoSchema } from './bank-card'
import { fen, id, instant, okOutput, page, pagedInput } from './common'
import { defineOperation, unmatched } from './contract'
import { loanFiguresSchema, prepayChoice } from './loan-plan'

export { prepayChoice }

/**
 * Applications (申请): the five withdrawals and the three loan businesses share one life cycle —
 * create a draft with the kind's fields, upload archive files per category, submit for review
 * (after reading the notice), follow it in 我的业务, end it or fix and resubmit when returned.
 *
 * Archive upload: requestUploadUrl registers the file on the application and answers a presigned
 * S3 POST (url + form fields) the client posts the file to; submitApplication checks every
 * required category has an uploaded file.
 */
export const applicationId = z
  .string({ error: '申请编号不正确' })
  .check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, { error: '申请编号不正确' }))

/** a status filter (listMyApplications, listReviewQueue) */
export const applicationStateSchema = z.enum(APPLICATION_STATES)
const workflowActionSchema = z.enum(WORKFLOW_ACTIONS)
const actorSchema = z.enum(ACTORS)

export const applicationStatus = z.enum(APPLICATION_STATES, { error: '申请状态不正确' })

const bankCardId = z
  .string({ error: '请选择收款银行账号' })
  .check(z.minLength(1, { error: '请选择收款银行账号' }), z.maxLength(64))
const text = (label: string, max = 200) =>
  z
    .string({ error: `请输入${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请输入${label}` }),
      z.maxLength(max, { error: `${label}不能超过${max}个字` }),
    )
/** structural bound; the center's policy sets the real limit (default 12) */
const months = z.int({ error: '请输入月数' }).check(z.gte(1, { error: '月数至少为1个月' }), z.lte(120))

const retirementDraft = z.strictObject({ kind: z.literal('retirement'), bankCardId })
const terminationDraft = z.strictObject({ kind: z.literal('termination'), bankCardId })
const rentDraft = z.strictObject({
  kind: z.literal('rent'),
  rentAddress: text('租房地址'),
  monthlyRentFen: amountFenSchema(),
  months,
  amountFen: amountFenSchema(),
  bankCardId,
})
const propertyFeeDraft = z.strictObject({
  kind: z.literal('propertyFee'),
  propertyAddress: text('房屋地址'),
  months,
  amountFen: amountFenSchema(),
  bankCardId,
})
const loanRepaymentDraft = z.strictObject({
  kind: z.literal('loanRepayment'),
  /** the loan being repaid: this center's provident fund loan, or a commercial bank's */
  loan: z.discriminatedUnion(
    'source',
    [
      z.strictObject({ source: z.literal('ownCenter') }),
      z.strictObject({
        source: z.literal('commercial'),
        lenderName: text('贷款银行', 50),
        contractNo: text('借款合同编号', 64),
      }),
    ],
    { error: unmatched('请选择所还贷款') },
  ),
  amountFen: amountFenSchema(),
  bankCardId,
})
const prepayPartDraft = z.strictObject({
  kind: z.literal('prepayPart'),
  amountFen: amountFenSchema(),
  /** 支取公积金 part of the amount (≤ the balance; the rest from the person's own funds) */
  fundAmountFen: fen,
  /** 期限不变减少月供 (default) or 月供不变缩短期限 */
  choice: z._default(prepayChoice, 'keepTerm'),
})
const monthlyDeductionDraft = z.strictObject({
  kind: z.literal('monthlyDeduction'),
  action: z.enum(MONTHLY_DEDUCTION_ACTIONS, { error: '请选择签约或取消签约' }),
})
const settleDraft = z.strictObject({
  kind: z.literal('settle'),
  /** 支取公积金还款金额 (0 = all from own funds) */
  fundAmountFen: fen,
})

const drafts = [
  retirementDraft,
  terminationDraft,
  rentDraft,
  propertyFeeDraft,
  loanRepaymentDraft,
  prepayPartDraft,
  monthlyDeductionDraft,
  settleDraft,
] as const

/** the kind-specific fields of an application, discriminated on `kind` */
export const applicationDataSchema = z.discriminatedUnion('kind', drafts, { error: unmatched('请选择业务类型') })
export type ApplicationData = z.infer<typeof applicationDataSchema>

const withId = <T extends (typeof drafts)[number]>(draft: T) => z.extend(draft, { id: applicationId })

export const archiveFileSchema = z.object({
  id,
  category: z.string(),
  fileName: z.string(),
  contentType: z.enum(ARCHIVE_CONTENT_TYPES),
  size: z.int().check(z.positive()),
  uploadedAt: instant,
  /** a short-lived presigned GET URL to view the file */
  url: z.nullable(z.url()),
})

export const timelineEventSchema = z.object({
  at: instant,
  action: z.enum(TIMELINE_ACTIONS),
  actor: actorSchema,
  actorName: z.string(),
  from: z.nullable(applicationStateSchema),
  to: applicationStateSchema,
  /** the reviewer's opinion or return reason */
  opinion: z.nullable(z.string()),
})

export const applicationSummarySchema = z.object({
  id: applicationId,
  kind: applicationKindSchema,
  kindName: z.string(),
  status: applicationStateSchema,
  statusLabel: z.string(),
  /** the amount the application moves (提取金额合计 / 提前还款金额 / 支取公积金还款金额), null when none */
  amountFen: z.nullable(fen),
  createdAt: instant,
  updatedAt: instant,
  submittedAt: z.nullable(instant),
  /** the latest return reason while returned */
  returnReason: z.nullable(z.string()),
})
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>

export const applicationDetailSchema = z.extend(applicationSummarySchema, {
  data: applicationDataSchema,
  bankCard: z.nullable(bankCardInfoSchema),
  /** closing withdrawals: 个人账户余额 + 销户利息 = 提取金额合计 */
  closing: z.nullable(z.object({ balanceFen: fen, closingInterestFen: fen, totalFen: fen })),
  archive: z.array(z.extend(archiveCategorySchema, { files: z.array(archiveFileSchema) })),
  /** 流程信息查询 */
  timeline: z.array(timelineEventSchema),
  notice: noticeSchema,
  /** what the caller may do now */
  availableActions: z.array(workflowActionSchema),
  /** 贷款业务: the loan figures as submitted (the review console: recomputed for today) */
  loanFigures: z.nullable(loanFiguresSchema),
})
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>

export const createApplication = defineOperation({
  name: 'createApplication',
  method: 'POST',
  path: '/api/applications',
  audience: 'depositor',
  summary: '新建申请（草稿）：提取业务或贷款业务，按业务类型填写信息',
  input: applicationDataSchema,
  output: applicationDetailSchema,
})

export const updateApplication = defineOperation({
  name: 'updateApplication',
  method: 'PUT',
  path: '/api/applications/{id}',
  audience: 'depositor',
  summary: '修改申请信息（草稿或退回的申请）',
  input: z.discriminatedUnion(
    'kind',
    [
      withId(retirementDraft),
      withId(terminationDraft),
      withId(rentDraft),
      withId(propertyFeeDraft),
      withId(loanRepaymentDraft),
      withId(prepayPartDraft),
      withId(monthlyDeductionDraft),
      withId(settleDraft),
    ],
    { error: unmatched('请选择业务类型') },
  ),
  output: applicationDetailSchema,
})

export const requestUploadUrl = defineOperation({
  name: 'requestUploadUrl',
  method: 'POST',
  path: '/api/applications/{id}/files',
  audience: 'depositor',
  summary: '上传档案：登记一个文件并取得直传存储桶的预签名 POST 表单',
  input: z.strictObject({
    id: applicationId,
    category: z
      .string({ error: '请选择档案分类' })
      .check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { error: '档案分类不正确' })),
    fileName: text('文件名', 100),
    contentType: z.enum(ARCHIVE_CONTENT_TYPES, { error: '只能上传 JPG、PNG 图片或 PDF 文件' }),
    size: z
      .int({ error: '文件大小不正确' })
      .check(z.gte(1, { error: '文件是空的' }), z.lte(MAX_ARCHIVE_FILE_BYTES, { error: '文件不能超过10MB' })),
  }),
  output: z.object({
    fileId: id,
    /** POST multipart/form-data to url with these fields, the file last */
    url: z.url(),
    fields: z.record(z.string(), z.string()),
    expiresAt: instant,
  }),
})

export const removeArchiveFile = defineOperation({
  name: 'removeArchiveFile',
  method: 'DELETE',
  path: '/api/applications/{id}/files/{fileId}',
  audience: 'depositor',
  summary: '删除已上传的档案文件（草稿或退回的申请）',
  input: z.strictObject({ id: applicationId, fileId: id }),
  output: okOutput,
})

export const submitApplication = defineOperation({
  name: 'submitApplication',
  method: 'POST',
  path: '/api/applications/{id}/submit',
  audience: 'depositor',
  summary: '提交中心审批（退回的申请为重新提交）；同一 idempotencyKey 重试不会重复提交',
  input: z.strictObject({
    id: applicationId,
    /** one per 提交 tap, reused on retries */
    idempotencyKey: z
      .string({ error: '请求编号不正确' })
      .check(z.regex(/^[A-Za-z0-9-]{16,64}$/, { error: '请求编号不正确' })),
    noticeAcknowledged: z.literal(true, { error: '请先阅读业务须知' }),
  }),
  output: applicationSummarySchema,
})

export const listMyApplications = defineOperation({
  name: 'listMyApplications',
  method: 'GET',
  path: '/api/applications',
  audience: 'depositor',
  summary: '我发起的：本人的全部申请（分页，新的在前）',
  input: pagedInput({
    status: z.optional(applicationStatus),
    kind: z.optional(applicationKindSchema),
  }),
  output: page(applicationSummarySchema),
})

export const listTodo = defineOperation({
  name: 'listTodo',
  method: 'GET',
  path: '/api/todos',
  audience: 'depositor',
  summary: '待办事项：被中心退回、等待本人处理的申请',
  input: pagedInput({}),
  output: page(applicationSummarySchema),
})

export const getApplication = defineOperation({
  name: 'getApplication',
  method: 'GET',
  path: '/api/applications/{id}',
  audience: 'depositor',
  summary: '申请详情及流程信息（每一步的时间、办理人、操作和审批意见）',
  input: z.strictObject({ id: applicationId }),
  output: applicationDetailSchema,
})

export const endApplication = defineOperation({
  name: 'endApplication',
  method: 'POST',
  path: '/api/applications/{id}/end',
  audience: 'depositor',
  summary: '结束流程（草稿或退回的申请），结束后可重新申请',
  input: z.strictObject({ id: applicationId }),
  output: applicationSummarySchema,
})
