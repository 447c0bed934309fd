import { listStaff } from '@gjj/shared/api/staff-accounts'
import { endpoint } from '../endpoint'
import * as accounts from '../services/staff-accounts'

export const handler = endpoint(listStaff, (_input, ctx) => accounts.list(ctx.caller))
