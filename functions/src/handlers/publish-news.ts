import { publishNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(publishNews, (input, ctx) => news.publish(ctx.caller, input.id))
