import { addBankCard } from '@gjj/shared/api/bank-card'
import { endpoint } from '../lib/http'
import { add } from '../services/bank-cards'

export const handler = endpoint(addBankCard, (input, ctx) => add(ctx.caller, input))
