import { getPrepayQuote } from '@gjj/shared/api/loan-business'
import { endpoint } from '../endpoint'
import { prepayQuoteFor } from '../services/loan-business'

export const handler = endpoint(getPrepayQuote, (input, ctx) => prepayQuoteFor(ctx.caller, input.amountFen))
