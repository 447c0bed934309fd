import { resetStaffPassword } from '@gjj/shared/api/staff-accounts'
import { endpoint } from '../endpoint'
import * as accounts from '../services/staff-accounts'

export const handler = endpoint(resetStaffPassword, (input, ctx) => accounts.resetPassword(ctx.caller, input))
