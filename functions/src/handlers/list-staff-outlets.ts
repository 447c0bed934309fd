import { listStaffOutlets } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as outlets from '../services/outlets'

export const handler = endpoint(listStaffOutlets, (_input, ctx) => outlets.listForStaff(ctx.caller))
