import { disableStaff } from '@gjj/shared/api/staff-accounts'
import { endpoint } from '../endpoint'
import * as accounts from '../services/staff-accounts'

export const handler = endpoint(disableStaff, (input, ctx) => accounts.disable(ctx.caller, input))
