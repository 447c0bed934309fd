import { createStaff } from '@gjj/shared/api/staff-accounts'
import { endpoint } from '../endpoint'
import * as accounts from '../services/staff-accounts'

export const handler = endpoint(createStaff, (input, ctx) => accounts.create(ctx.caller, input))
