import { listReviewQueue } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { queue } from '../services/review'

export const handler = endpoint(listReviewQueue, (input, ctx) => queue(ctx.caller, input))
