import { getLoan } from '@gjj/shared/api/loan'
import { endpoint } from '../endpoint'
import { loanOverview } from '../services/loan'

export const handler = endpoint(getLoan, (input, ctx) => loanOverview(ctx.caller, input))
