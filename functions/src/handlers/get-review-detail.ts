import { getReviewDetail } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { reviewDetail } from '../services/review'

export const handler = endpoint(getReviewDetail, (input, ctx) => reviewDetail(ctx.caller, input.id))
