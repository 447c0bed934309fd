import { listWithdrawalKinds } from '@gjj/shared/api/withdrawal'
import { endpoint } from '../endpoint'
import { listKinds } from '../services/withdrawals'

export const handler = endpoint(listWithdrawalKinds, (_input, ctx) => listKinds(ctx.caller))
