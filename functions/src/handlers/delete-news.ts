import { deleteNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(deleteNews, (input, ctx) => news.remove(ctx.caller, input.id))
