import * as z from 'zod/mini'
import '../zod-locale'
import { richTextNodesSchema } from '../info/rich-text-schemas'
import { id, instant, page, pageInput } from './common'
import { defineOperation } from './contract'
import { centerCode } from './system'

/**
 * 新闻动态 (manual ch. 3): published by each center, with the region's (自治区) notices mixed into
 * every center's list and marked `regionWide`. Public: a person who has chosen a center reads them
 * without logging in. Both answers may be cached for a minute (Cache-Control + ETag, 304).
 */

/** characters of a list item's one-line summary (plainSummary, '…' included) */
export const NEWS_SUMMARY_CHARS = 60

export const newsListItemSchema = z.object({
  id,
  title: z.string(),
  publishedAt: instant,
  /** the body on one line, cut to NEWS_SUMMARY_CHARS */
  summary: z.string(),
  /** the cover image (the system's own storage only), or null */
  coverThumbnailUrl: z.nullable(z.url()),
  /** a notice of the whole region (自治区), not of the chosen center */
  regionWide: z.boolean(),
})
export type NewsListItem = z.infer<typeof newsListItemSchema>

export const listNews = defineOperation({
  name: 'listNews',
  method: 'GET',
  path: '/api/news',
  audience: 'public',
  summary: '新闻动态列表：所选中心已发布的新闻和自治区通知，新的在前',
  cache: { maxAgeSeconds: 60 },
  input: z.strictObject({ centerCode, ...pageInput }),
  output: page(newsListItemSchema),
})

export const getNews = defineOperation({
  name: 'getNews',
  method: 'GET',
  path: '/api/news/{id}',
  audience: 'public',
  summary: '新闻详情：正文为已清理的富文本节点',
  cache: { maxAgeSeconds: 60 },
  input: z.strictObject({ centerCode, id }),
  output: z.object({
    id,
    title: z.string(),
    publishedAt: instant,
    regionWide: z.boolean(),
    /** who published it: the center's name, or the region's for a region-wide notice */
    source: z.string(),
    coverImageUrl: z.nullable(z.url()),
    /** clean rich-text nodes (mini-program `rich-text`; H5 renders them as they are) */
    body: richTextNodesSchema,
  }),
})
