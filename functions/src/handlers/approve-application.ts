import { approveApplication } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { approve } from '../services/applications'

export const handler = endpoint(approveApplication, (input, ctx) => approve(ctx.caller, input.id, input.opinion))
