import { getWithdrawalQuote } from '@gjj/shared/api/withdrawal'
import { endpoint } from '../endpoint'
import { quote } from '../services/withdrawals'

export const handler = endpoint(getWithdrawalQuote, (input, ctx) => quote(ctx.caller, input.kind))
