import type { ParsedInputOf } from '@gjj/shared/api/contract'
import type { getNews as getNewsOp, listNews as listNewsOp } from '@gjj/shared/api/news'
import { sanitizeRichText } from '@gjj/shared/info/rich-text'
import { allowedImageSrc } from '@gjj/shared/info/rich-text-nodes'
import { config } from '../lib/config'
import { NotFound } from '../lib/errors'
import * as news from '../repository/news'

/**
 * 新闻动态: the public feed and detail (no login); the staff desk is news.ts. Bodies are sanitized
 * on save (richTextSchema) and again on every read, and may only show images from the system's own storage (`<publicBaseUrl>public/news/`).
 */
export const NEWS_IMAGE_PREFIX = `${config.publicBaseUrl}public/news/`
export const rich = { imagePrefixes: [NEWS_IMAGE_PREFIX] }

/** the name shown as 来源 of a region-wide notice */
export const REGION_SOURCE = '新疆维吾尔自治区住房公积金（全区通知）'

export const NOT_FOUND = '未找到该新闻，可能已撤下'

/** a URL from the table, shown only if it is still under the system's own storage */
export const ownImage = (url: string | null) => (url && allowedImageSrc(url, rich.imagePrefixes) === url ? url : null)

// ---------------------------------------------------------------- public

export async function listPublished(input: ParsedInputOf<typeof listNewsOp>) {
  const page = await news.listFeed(input.centerCode, input.limit ?? 20, input.cursor)
  return {
    items: page.items.map((e) => ({
      id: e.id,
      title: e.title,
      publishedAt: e.publishedAt,
      summary: e.summary,
      coverThumbnailUrl: ownImage(e.coverThumbnailUrl),
      regionWide: e.regionWide,
    })),
    nextCursor: page.nextCursor,
  }
}

export async function getPublished(input: ParsedInputOf<typeof getNewsOp>) {
  const n = await news.getNews(input.id)
  const visible =
    n && n.status === 'published' && n.publishedAt && (n.scope === news.REGION || n.scope === input.centerCode)
  if (!n || !visible) throw new NotFound(NOT_FOUND)
  return {
    id: n.id,
    title: n.title,
    publishedAt: n.publishedAt as string,
    regionWide: n.scope === news.REGION,
    source: n.sourceName,
    coverImageUrl: ownImage(n.coverUrl),
    // sanitized again on read: whatever reached the table, only clean nodes leave
    body: sanitizeRichText(n.bodyHtml, rich),
  }
}
