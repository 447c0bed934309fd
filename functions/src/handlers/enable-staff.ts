import { enableStaff } from '@gjj/shared/api/staff-accounts'
import { endpoint } from '../endpoint'
import * as accounts from '../services/staff-accounts'

export const handler = endpoint(enableStaff, (input, ctx) => accounts.enable(ctx.caller, input))
