import { listStaffNews } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(listStaffNews, (input, ctx) => news.listDesk(ctx.caller, input))
