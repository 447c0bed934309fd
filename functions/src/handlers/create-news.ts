import { createNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(createNews, (input, ctx) => news.create(ctx.caller, input))
