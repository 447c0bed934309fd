import { addBankCard } from '@gjj/shared/api/bank-card'
import { endpoint } from '../endpoint'
import { add } from '../services/bank-cards'

export const handler = endpoint(addBankCard, (input, ctx) => add(ctx.caller, input))
