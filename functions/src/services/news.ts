import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { NEWS_SUMMARY_CHARS } from '@gjj/shared/api/news'
import type {
  createNews as createOp,
  listStaffNews as listStaffOp,
  previewNews as previewOp,
  updateNews as updateOp,
  requestNewsImageUpload as uploadOp,
} from '@gjj/shared/api/publishing'
import { MAX_NEWS_IMAGE_BYTES } from '@gjj/shared/api/publishing'
import { sanitizeRichText } from '@gjj/shared/info/rich-text'
import { plainSummary, type RichTextNode, toSafeHtml } from '@gjj/shared/info/rich-text-nodes'
import { richTextSchema } from '@gjj/shared/info/rich-text-schemas'
import { nowIso } from '../lib/clock'
import { Conflict, NotFound, RuleViolation, ValidationFailed } from '../lib/errors'
import { type ImageKind, imageSize, makeThumbnail, UnreadableImage } from '../lib/thumbnail'
import { newId } from '../lib/tokens'
import { auditPut } from '../repository/audit'
import { getCenter, listCenters } from '../repository/centers'
import * as news from '../repository/news'
import type { StaffSession } from '../repository/sessions'
import type { StaffItem } from '../repository/staff'
import {
  copyObject,
  headObject,
  presignUpload,
  publicUrl,
  putObject,
  readObject,
  UPLOAD_EXPIRES_SECONDS,
} from '../storage'
import { ownImage, REGION_SOURCE, rich } from './news-feed'
import { actorOf, staffWithRole } from './staff-roles'

/**
 * 新闻动态's staff desk (create, edit, publish, unpublish, delete). The public feed and detail are in
 * news-feed.ts, so the two public functions carry no S3 or image code (issue 14).
 */
export { getPublished, listPublished, NEWS_IMAGE_PREFIX, REGION_SOURCE } from './news-feed'

const bodySchema = richTextSchema(rich)
const STATUS_LABELS = { draft: '草稿', published: '已发布' } as const

// ---------------------------------------------------------------- staff

function staffView(n: news.NewsItem) {
  return {
    id: n.id,
    title: n.title,
    status: n.status,
    statusLabel: STATUS_LABELS[n.status],
    regionWide: n.scope === news.REGION,
    summary: n.summary,
    coverImageUrl: ownImage(n.coverUrl),
    coverThumbnailUrl: ownImage(n.coverThumbnailUrl ?? n.coverUrl),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    publishedAt: n.publishedAt,
    updatedBy: n.updatedBy,
    version: n.version,
  }
}

const detailView = (n: news.NewsItem) => ({
  ...staffView(n),
  bodyHtml: toSafeHtml(sanitizeRichText(n.bodyHtml, rich), rich),
})

/** the desk a staff member works on, with the role it needs checked */
async function deskOf(caller: StaffSession, regionWide: boolean) {
  const staff = await staffWithRole(caller, regionWide ? 'regionAdmin' : 'publisher')
  return { staff, scope: regionWide ? news.REGION : staff.centerCode }
}

/** an article the caller may change: another center's is not found; the region's needs regionAdmin */
async function ownArticle(caller: StaffSession, id: string) {
  const n = await news.getNews(id)
  if (!n || (n.scope !== news.REGION && n.scope !== caller.centerCode)) throw new NotFound('未找到该新闻')
  const staff = await staffWithRole(caller, n.scope === news.REGION ? 'regionAdmin' : 'publisher')
  return { n, staff }
}

function sanitizeBody(html: string): RichTextNode[] {
  const parsed = bodySchema.safeParse(html)
  if (!parsed.success) {
    throw new ValidationFailed(parsed.error.issues.map((i) => ({ path: ['body'], message: i.message })))
  }
  return parsed.data
}

/** the refusals of an uploaded image, as a cover (coverKey) or as a picture in the body (key) */
const IMAGE_ERRORS = {
  cover: {
    code: 'BAD_COVER',
    path: 'coverKey',
    wrongKey: '封面图片不正确，请重新上传',
    missing: '封面图片还没有上传完成，请重新上传',
    notImage: '封面不是图片，请上传 JPG 或 PNG 图片',
    tooBig: '封面图片不能超过2MB',
    unreadable: '封面图片无法读取，请换一张 JPG 或 PNG 图片',
  },
  body: {
    code: 'BAD_IMAGE',
    path: 'key',
    wrongKey: '图片不正确，请重新上传',
    missing: '图片还没有上传完成，请重新上传',
    notImage: '文件不是图片，请上传 JPG 或 PNG 图片',
    tooBig: '图片不能超过2MB',
    unreadable: '图片无法读取，请换一张 JPG 或 PNG 图片',
  },
} as const
type ImageUse = keyof typeof IMAGE_ERRORS
type ImageProblem = Exclude<keyof (typeof IMAGE_ERRORS)['cover'], 'code' | 'path'>

function imageError(use: ImageUse, problem: ImageProblem) {
  const e = IMAGE_ERRORS[use]
  return new RuleViolation(e.code, e[problem], [{ path: [e.path], message: e[problem] }])
}

/** JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A), by the file's own first bytes */
function imageKind(bytes: Uint8Array): ImageKind | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts([0xff, 0xd8, 0xff])) return 'jpg'
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  return undefined
}

/**
 * An uploaded image (uploads/news/<center>/<file>, from requestNewsImageUpload) of the caller's own
 * center, read whole (≤ 2 MB) and checked to be a JPEG or PNG by its bytes.
 */
async function uploadedImage(staff: StaffItem, key: string, use: ImageUse) {
  const match = new RegExp(`^uploads/news/${staff.centerCode}/([A-Za-z0-9]{8,40})$`).exec(key)
  if (!match) throw imageError(use, 'wrongKey')
  const [head, bytes] = await Promise.all([headObject(key), readObject(key)])
  if (!head || !bytes) throw imageError(use, 'missing')
  const kind = imageKind(bytes)
  if (!kind || !head.contentType.startsWith('image/')) throw imageError(use, 'notImage')
  if (bytes.length > MAX_NEWS_IMAGE_BYTES) throw imageError(use, 'tooBig')
  return { file: match[1] as string, kind, bytes }
}

/**
 * A cover: the uploaded image copied to public/news/<scope>/<article>/<file>.<ext>, and its
 * thumbnail (≤ THUMB_WIDTH px wide, JPEG) written beside it as <file>.thumb.jpg — the news list
 * shows the thumbnail, the article the original. An image that does not decode is refused.
 */
async function takeCover(staff: StaffItem, scope: string, newsId: string, key: string) {
  const image = await uploadedImage(staff, key, 'cover')
  let thumb: ReturnType<typeof makeThumbnail>
  try {
    thumb = makeThumbnail(image.bytes, image.kind)
  } catch (error) {
    if (error instanceof UnreadableImage) throw imageError('cover', 'unreadable')
    throw error
  }
  const folder = `public/news/${scope}/${newsId}`
  const target = `${folder}/${image.file}.${image.kind}`
  const thumbKey = `${folder}/${image.file}.thumb.jpg`
  await Promise.all([copyObject(key, target), putObject(thumbKey, thumb.bytes, 'image/jpeg')])
  return {
    coverKey: target,
    coverUrl: publicUrl(target),
    coverThumbnailKey: thumbKey,
    coverThumbnailUrl: publicUrl(thumbKey),
  }
}

const NO_COVER = { coverKey: null, coverUrl: null, coverThumbnailKey: null, coverThumbnailUrl: null }

function audit(staff: StaffItem, action: string, n: news.NewsItem, at: string) {
  return auditPut({
    at,
    id: newId('AU'),
    actor: actorOf(staff),
    action,
    target: `news:${n.id}`,
    detail: { title: n.title, scope: n.scope, status: n.status, version: n.version, staffName: staff.name },
    centerCode: staff.centerCode,
  })
}

async function write(previous: news.NewsItem | null, next: news.NewsItem | null, staff: StaffItem, action: string) {
  const at = nowIso()
  const outcome = await news.writeNews(previous, next, audit(staff, action, (next ?? previous) as news.NewsItem, at))
  if (outcome === 'conflict') throw new Conflict('CHANGED', '该新闻已被他人修改，请刷新后重试')
}

export async function listDesk(caller: StaffSession, input: ParsedInputOf<typeof listStaffOp>) {
  const { scope } = await deskOf(caller, input.scope === 'region')
  const page = await news.listDesk(scope, input.limit ?? 20, input.cursor)
  return { items: page.items.map(staffView), nextCursor: page.nextCursor }
}

export async function getDraft(caller: StaffSession, id: string) {
  const { n } = await ownArticle(caller, id)
  return detailView(n)
}

export async function create(caller: StaffSession, input: ParsedInputOf<typeof createOp>) {
  const { staff, scope } = await deskOf(caller, input.regionWide === true)
  const nodes = sanitizeBody(input.body)
  const id = newId('N')
  const cover = input.coverKey ? await takeCover(staff, scope, id, input.coverKey) : NO_COVER
  const center = scope === news.REGION ? undefined : await getCenter(scope)
  const at = nowIso()
  const n: news.NewsItem = {
    id,
    scope,
    title: input.title,
    bodyHtml: toSafeHtml(nodes, rich),
    summary: plainSummary(nodes, NEWS_SUMMARY_CHARS),
    ...cover,
    status: 'draft',
    sourceName: center?.name ?? REGION_SOURCE,
    createdAt: at,
    createdBy: actorOf(staff),
    updatedAt: at,
    updatedBy: staff.name,
    publishedAt: null,
    feedCenters: [],
    version: 1,
  }
  await write(null, n, staff, 'news.create')
  return detailView(n)
}

export async function update(caller: StaffSession, input: ParsedInputOf<typeof updateOp>) {
  const { n, staff } = await ownArticle(caller, input.id)
  if (n.version !== input.version) throw new Conflict('CHANGED', '该新闻已被他人修改，请刷新后重试')
  const nodes = sanitizeBody(input.body)
  const cover =
    input.coverKey === undefined || input.coverKey === n.coverKey
      ? {}
      : input.coverKey === null
        ? NO_COVER
        : await takeCover(staff, n.scope, n.id, input.coverKey)
  const next: news.NewsItem = {
    ...n,
    title: input.title,
    bodyHtml: toSafeHtml(nodes, rich),
    summary: plainSummary(nodes, NEWS_SUMMARY_CHARS),
    ...cover,
    updatedAt: nowIso(),
    updatedBy: staff.name,
    version: n.version + 1,
  }
  await write(n, next, staff, 'news.update')
  return detailView(next)
}

/** the centers whose feed shows an article: its own, or every center for a region-wide notice */
async function feedCentersOf(scope: string): Promise<string[]> {
  if (scope !== news.REGION) return [scope]
  return (await listCenters()).map((c) => c.code)
}

export async function publish(caller: StaffSession, id: string) {
  const { n, staff } = await ownArticle(caller, id)
  if (n.status === 'published') return detailView(n)
  const at = nowIso()
  const next: news.NewsItem = {
    ...n,
    status: 'published',
    publishedAt: at,
    feedCenters: await feedCentersOf(n.scope),
    updatedAt: at,
    updatedBy: staff.name,
    version: n.version + 1,
  }
  await write(n, next, staff, 'news.publish')
  return detailView(next)
}

export async function unpublish(caller: StaffSession, id: string) {
  const { n, staff } = await ownArticle(caller, id)
  if (n.status === 'draft') return detailView(n)
  const next: news.NewsItem = {
    ...n,
    status: 'draft',
    publishedAt: null,
    feedCenters: [],
    updatedAt: nowIso(),
    updatedBy: staff.name,
    version: n.version + 1,
  }
  await write(n, next, staff, 'news.unpublish')
  return detailView(next)
}

export async function remove(caller: StaffSession, id: string) {
  const { n, staff } = await ownArticle(caller, id)
  await write(n, null, staff, 'news.delete')
  return { ok: true as const }
}

/**
 * 预览: the body as the depositor's app will get it (the same sanitizer as on save and read), with
 * the summary and source the list and the article will show. Nothing is stored.
 */
export async function preview(caller: StaffSession, input: ParsedInputOf<typeof previewOp>) {
  const { scope } = await deskOf(caller, input.regionWide === true)
  const nodes = sanitizeBody(input.body)
  const center = scope === news.REGION ? undefined : await getCenter(scope)
  return {
    title: input.title,
    regionWide: scope === news.REGION,
    source: center?.name ?? REGION_SOURCE,
    summary: plainSummary(nodes, NEWS_SUMMARY_CHARS),
    body: sanitizeRichText(toSafeHtml(nodes, rich), rich),
  }
}

/**
 * A picture for an article's body: the uploaded image (requestNewsImageUpload) checked by its bytes
 * and that it decodes, then copied to public/news/<center>/images/<file>.<ext>, the only place body
 * images may come from. The editor puts the answered URL into an <img>.
 */
export async function addBodyImage(caller: StaffSession, key: string) {
  const staff = await staffWithRole(caller, ['publisher', 'regionAdmin'])
  const image = await uploadedImage(staff, key, 'body')
  try {
    imageSize(image.bytes, image.kind)
  } catch (error) {
    if (error instanceof UnreadableImage) throw imageError('body', 'unreadable')
    throw error
  }
  const target = `public/news/${staff.centerCode}/images/${image.file}.${image.kind}`
  await copyObject(key, target)
  return { url: publicUrl(target) }
}

export async function requestImageUpload(caller: StaffSession, input: ParsedInputOf<typeof uploadOp>) {
  const staff = await staffWithRole(caller, ['publisher', 'regionAdmin'])
  const key = `uploads/news/${staff.centerCode}/${newId().replace(/[^A-Za-z0-9]/g, '')}`
  const post = await presignUpload(key, input.contentType, MAX_NEWS_IMAGE_BYTES)
  return {
    key,
    url: post.url,
    fields: post.fields,
    expiresAt: new Date(Date.now() + UPLOAD_EXPIRES_SECONDS * 1000).toISOString(),
  }
}
