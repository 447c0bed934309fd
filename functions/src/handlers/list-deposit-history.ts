import { listDepositHistory } from '@gjj/shared/api/account'
import { endpoint } from '../endpoint'
import { history } from '../services/account'

export const handler = endpoint(listDepositHistory, (input, ctx) => history(ctx.caller, input))
