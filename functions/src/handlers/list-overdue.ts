import { listOverdue } from '@gjj/shared/api/loan'
import { endpoint } from '../endpoint'
import { overduePeriods } from '../services/loan'

export const handler = endpoint(listOverdue, (input, ctx) => overduePeriods(ctx.caller, input))
