import { unpublishNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(unpublishNews, (input, ctx) => news.unpublish(ctx.caller, input.id))
