import { getAccount } from '@gjj/shared/api/account'
import { endpoint } from '../endpoint'
import { accountWithHistory } from '../services/account'

export const handler = endpoint(getAccount, (input, ctx) => accountWithHistory(ctx.caller, input))
