import { requestNewsImageUpload } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(requestNewsImageUpload, (input, ctx) => news.requestImageUpload(ctx.caller, input))
