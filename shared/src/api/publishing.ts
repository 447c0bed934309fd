import * as z from 'zod/mini'
import '../zod-locale'
import { gcj02Schema } from '../info/geo-schemas'
import { weeklyHoursSchema } from '../info/hours-schemas'
import { richTextNodesSchema } from '../info/rich-text-schemas'
import { id, instant, okOutput, page, pagedInput } from './common'
import { defineOperation, emptyInput } from './contract'
import { outletKindSchema, outletSchema, outletServiceSchema } from './outlet'

/**
 * 信息发布 (staff): a center's 新闻动态 and 服务网点, and the region's (自治区) notices.
 *
 * Roles live on the staff record (`roles`): 'reviewer' (审批), 'publisher' (the center's news and
 * outlets), 'regionAdmin' (region-wide notices). A staff member may hold several. Everything here
 * needs 'publisher', except region-wide notices, which need 'regionAdmin'; a staff member without
 * the role gets 403, another center's news or outlet is 404, and every change is audited.
 * 'centerAdmin' (中心管理员) manages the center's staff accounts and reads its audit log
 * (staff-accounts.ts).
 */
// the roles live in common.ts, so that the review operations (admin.ts) need none of this module
export { STAFF_ROLES, type StaffRole, staffRoleSchema } from './common'

export const NEWS_TITLE_MAX = 60
/** the body as staff send it (HTML); sanitized on save */
export const NEWS_BODY_MAX = 200_000

export const NEWS_IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const
export const MAX_NEWS_IMAGE_BYTES = 2 * 1024 * 1024

const newsId = z
  .string({ error: '新闻编号不正确' })
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '新闻编号不正确' }))
const outletId = z
  .string({ error: '网点编号不正确' })
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '网点编号不正确' }))
const version = z.int({ error: '版本号不正确，请刷新后重试' }).check(z.gte(1, { error: '版本号不正确，请刷新后重试' }))

export const newsStatusSchema = z.enum(['draft', 'published'])

export const staffNewsSchema = z.object({
  id,
  title: z.string(),
  status: newsStatusSchema,
  /** 草稿 / 已发布 */
  statusLabel: z.string(),
  regionWide: z.boolean(),
  summary: z.string(),
  coverImageUrl: z.nullable(z.url()),
  /** the cover's thumbnail (what the depositors' list shows) */
  coverThumbnailUrl: z.nullable(z.url()),
  createdAt: instant,
  updatedAt: instant,
  publishedAt: z.nullable(instant),
  updatedBy: z.string(),
  version: z.int().check(z.positive()),
})

export const staffNewsDetailSchema = z.extend(staffNewsSchema, {
  /** the sanitized body as HTML, to edit */
  bodyHtml: z.string(),
})

const newsFields = {
  title: z
    .string({ error: '请输入标题' })
    .check(
      z.trim(),
      z.minLength(1, { error: '请输入标题' }),
      z.maxLength(NEWS_TITLE_MAX, { error: `标题不能超过${NEWS_TITLE_MAX}个字` }),
    ),
  /** HTML; sanitized on save (only the allowed elements, internal news links and own images stay) */
  body: z
    .string({ error: '请输入正文' })
    .check(z.maxLength(NEWS_BODY_MAX, { error: '正文过长，请删减到 200000 个字符以内' })),
  /** the key requestNewsImageUpload answered, once the file is uploaded; null removes the cover */
  coverKey: z.optional(
    z.nullable(
      z
        .string({ error: '封面图片不正确，请重新上传' })
        .check(z.maxLength(300, { error: '封面图片不正确，请重新上传' })),
    ),
  ),
}

export const listStaffNews = defineOperation({
  name: 'listStaffNews',
  method: 'GET',
  path: '/api/admin/news',
  audience: 'staff',
  summary: '本中心的新闻（含草稿），最近修改的在前；scope=region 为自治区通知（须全区通知权限）',
  input: pagedInput({
    scope: z.optional(z.enum(['center', 'region'], { error: '范围应为 center（本中心）或 region（自治区）' })),
  }),
  output: page(staffNewsSchema),
})

export const getStaffNews = defineOperation({
  name: 'getStaffNews',
  method: 'GET',
  path: '/api/admin/news/{id}',
  audience: 'staff',
  summary: '新闻详情（编辑用，含草稿）',
  input: z.strictObject({ id: newsId }),
  output: staffNewsDetailSchema,
})

export const createNews = defineOperation({
  name: 'createNews',
  method: 'POST',
  path: '/api/admin/news',
  audience: 'staff',
  summary: '新建新闻草稿（regionWide 为自治区通知，须全区通知权限）',
  input: z.strictObject({
    ...newsFields,
    regionWide: z.optional(z.boolean({ error: '是否为自治区通知应为是或否' })),
  }),
  output: staffNewsDetailSchema,
})

export const updateNews = defineOperation({
  name: 'updateNews',
  method: 'PUT',
  path: '/api/admin/news/{id}',
  audience: 'staff',
  summary: '修改新闻（已发布的立即更新列表）',
  input: z.strictObject({ id: newsId, ...newsFields, version }),
  output: staffNewsDetailSchema,
})

export const publishNews = defineOperation({
  name: 'publishNews',
  method: 'POST',
  path: '/api/admin/news/{id}/publish',
  audience: 'staff',
  summary: '发布新闻',
  input: z.strictObject({ id: newsId }),
  output: staffNewsDetailSchema,
})

export const unpublishNews = defineOperation({
  name: 'unpublishNews',
  method: 'POST',
  path: '/api/admin/news/{id}/unpublish',
  audience: 'staff',
  summary: '撤回已发布的新闻（回到草稿）',
  input: z.strictObject({ id: newsId }),
  output: staffNewsDetailSchema,
})

export const deleteNews = defineOperation({
  name: 'deleteNews',
  method: 'DELETE',
  path: '/api/admin/news/{id}',
  audience: 'staff',
  summary: '删除新闻（已发布的同时撤下）',
  input: z.strictObject({ id: newsId }),
  output: okOutput,
})

export const previewNews = defineOperation({
  name: 'previewNews',
  method: 'POST',
  path: '/api/admin/news-preview',
  audience: 'staff',
  summary: '预览新闻：正文按缴存人看到的样子清理后返回（不保存）',
  input: z.strictObject({
    title: newsFields.title,
    body: newsFields.body,
    regionWide: z.optional(z.boolean({ error: '是否为自治区通知应为是或否' })),
  }),
  output: z.object({
    title: z.string(),
    regionWide: z.boolean(),
    /** 来源, as the article will show it */
    source: z.string(),
    /** the list's one-line summary */
    summary: z.string(),
    /** the clean rich-text nodes getNews will answer */
    body: richTextNodesSchema,
  }),
})

export const addNewsImage = defineOperation({
  name: 'addNewsImage',
  method: 'POST',
  path: '/api/admin/news-images/added',
  audience: 'staff',
  summary: '正文插图：上传完成后确认（核对文件确为图片），返回可放入正文的图片地址',
  input: z.strictObject({
    key: z
      .string({ error: '图片不正确，请重新上传' })
      .check(
        z.minLength(1, { error: '图片不正确，请重新上传' }),
        z.maxLength(300, { error: '图片不正确，请重新上传' }),
      ),
  }),
  output: z.object({ url: z.url() }),
})

export const requestNewsImageUpload = defineOperation({
  name: 'requestNewsImageUpload',
  method: 'POST',
  path: '/api/admin/news-images',
  audience: 'staff',
  summary: '上传新闻图片：返回预签名上传表单；封面上传后把 key 作为 coverKey 保存，正文插图用 addNewsImage 确认',
  input: z.strictObject({
    contentType: z.enum(NEWS_IMAGE_CONTENT_TYPES, { error: '封面只能是 JPG 或 PNG 图片' }),
    size: z
      .int({ error: '文件大小不正确' })
      .check(z.gte(1, { error: '文件是空的' }), z.lte(MAX_NEWS_IMAGE_BYTES, { error: '封面图片不能超过2MB' })),
  }),
  output: z.object({
    key: z.string(),
    url: z.url(),
    fields: z.record(z.string(), z.string()),
    expiresAt: instant,
  }),
})

export const staffOutletSchema = z.extend(
  z.omit(outletSchema, { status: true, distanceMeters: true, hoursText: true }),
  {
    directions: z.nullable(z.string()),
    updatedAt: instant,
    updatedBy: z.string(),
    version: z.int().check(z.positive()),
  },
)

export const listStaffOutlets = defineOperation({
  name: 'listStaffOutlets',
  method: 'GET',
  path: '/api/admin/outlets',
  audience: 'staff',
  summary: '本中心的服务网点',
  input: emptyInput,
  output: z.object({ outlets: z.array(staffOutletSchema) }),
})

export const upsertOutlet = defineOperation({
  name: 'upsertOutlet',
  method: 'POST',
  path: '/api/admin/outlets',
  audience: 'staff',
  summary: '新增或修改服务网点（修改时带 id 和 version）',
  input: z.strictObject({
    id: z.optional(outletId),
    version: z.optional(version),
    name: z
      .string({ error: '请输入网点名称' })
      .check(
        z.trim(),
        z.minLength(1, { error: '请输入网点名称' }),
        z.maxLength(40, { error: '网点名称不能超过40个字' }),
      ),
    kind: outletKindSchema,
    address: z
      .string({ error: '请输入地址' })
      .check(z.trim(), z.minLength(1, { error: '请输入地址' }), z.maxLength(100, { error: '地址不能超过100个字' })),
    phone: z
      .string({ error: '请输入电话' })
      .check(
        z.trim(),
        z.regex(/^(?:12329|0\d{2,3}-\d{7,8}|1\d{10})$/, { error: '电话应为 12329、0906-1234567 或手机号码' }),
      ),
    hours: weeklyHoursSchema,
    services: z
      .array(outletServiceSchema, { error: '请选择可办理业务' })
      .check(z.minLength(1, { error: '请选择可办理业务' }), z.maxLength(6, { error: '请选择可办理业务' })),
    location: gcj02Schema,
    directions: z.optional(
      z.nullable(
        z.string({ error: '交通指引不正确' }).check(z.trim(), z.maxLength(300, { error: '交通指引不能超过300个字' })),
      ),
    ),
  }),
  output: staffOutletSchema,
})

export const deleteOutlet = defineOperation({
  name: 'deleteOutlet',
  method: 'DELETE',
  path: '/api/admin/outlets/{id}',
  audience: 'staff',
  summary: '删除服务网点',
  input: z.strictObject({ id: outletId }),
  output: okOutput,
})
