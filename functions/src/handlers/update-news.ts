import { updateNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(updateNews, (input, ctx) => news.update(ctx.caller, input))
