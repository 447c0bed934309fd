import { getStaffNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(getStaffNews, (input, ctx) => news.getDraft(ctx.caller, input.id))
