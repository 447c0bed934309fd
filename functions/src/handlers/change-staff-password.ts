import { changeStaffPassword } from '@gjj/shared/api/staff-accounts'
import { endpoint } from '../endpoint'
import * as accounts from '../services/staff-accounts'

export const handler = endpoint(changeStaffPassword, (input, ctx) =>
  accounts.changeOwnPassword(ctx.caller, ctx.token, input),
)
