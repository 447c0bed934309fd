import { listReviewQueue } from '@gjj/shared/api/admin'
import { endpoint } from '../lib/http'
import { queue } from '../services/review'

export const handler = endpoint(listReviewQueue, (input, ctx) => queue(ctx.caller, input))
