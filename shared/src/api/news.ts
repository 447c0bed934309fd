import { z } from 'zod'
import { id, instant, page, pageInput } from './common'
import { defineOperation } from './contract'

/** 新闻动态 of the depositor's center, and the center's website */
export const newsItemSchema = z.object({
  id,
  title: z.string(),
  summary: z.string(),
  publishedAt: instant,
  coverImageUrl: z.url().nullable(),
})

export const listNews = defineOperation({
  name: 'listNews',
  method: 'GET',
  path: '/api/news',
  audience: 'depositor',
  summary: '新闻动态列表（所在中心，新的在前）及中心网站地址',
  input: z.strictObject(pageInput),
  output: page(newsItemSchema).extend({ websiteUrl: z.url().nullable() }),
})

export const getNews = defineOperation({
  name: 'getNews',
  method: 'GET',
  path: '/api/news/{id}',
  audience: 'depositor',
  summary: '新闻详情',
  input: z.strictObject({ id }),
  output: newsItemSchema.extend({
    /** plain text; paragraphs separated by a blank line */
    body: z.string(),
    source: z.string().nullable(),
    /** the article on the center's website */
    url: z.url().nullable(),
  }),
})
