import { getLoan } from '@gjj/shared/api/loan'
import { endpoint } from '../lib/http'
import { loanOverview } from '../services/loan'

export const handler = endpoint(getLoan, (input, ctx) => loanOverview(ctx.caller, input))
