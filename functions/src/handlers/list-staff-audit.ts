import { listStaffAudit } from '@gjj/shared/api/staff-accounts'
import { endpoint } from '../endpoint'
import * as accounts from '../services/staff-accounts'

export const handler = endpoint(listStaffAudit, (input, ctx) => accounts.auditLog(ctx.caller, input))
