import { previewNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(previewNews, (input, ctx) => news.preview(ctx.caller, input))
