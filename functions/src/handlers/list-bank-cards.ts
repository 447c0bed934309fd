import { listBankCards } from '@gjj/shared/api/bank-card'
import { endpoint } from '../endpoint'
import { list } from '../services/bank-cards'

export const handler = endpoint(listBankCards, (_input, ctx) => list(ctx.caller))
