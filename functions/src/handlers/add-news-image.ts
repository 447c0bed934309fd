import { addNewsImage } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(addNewsImage, (input, ctx) => news.addBodyImage(ctx.caller, input.key))
