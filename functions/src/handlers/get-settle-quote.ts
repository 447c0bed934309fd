import { getSettleQuote } from '@gjj/shared/api/loan-business'
import { endpoint } from '../endpoint'
import { settleQuoteFor } from '../services/loan-business'

export const handler = endpoint(getSettleQuote, (_input, ctx) => settleQuoteFor(ctx.caller))
