import { listRepaymentPlan } from '@gjj/shared/api/loan'
import { endpoint } from '../endpoint'
import { plan } from '../services/loan'

export const handler = endpoint(listRepaymentPlan, (input, ctx) => plan(ctx.caller, input))
