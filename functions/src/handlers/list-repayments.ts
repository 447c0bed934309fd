import { listRepayments } from '@gjj/shared/api/loan'
import { endpoint } from '../endpoint'
import { repayments } from '../services/loan'

export const handler = endpoint(listRepayments, (input, ctx) => repayments(ctx.caller, input))
