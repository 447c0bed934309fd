import { approveApplication } from '@gjj/shared/api/admin'
import { endpoint } from '../lib/http'
import { approve } from '../services/applications'

export const handler = endpoint(approveApplication, (input, ctx) => approve(ctx.caller, input.id, input.opinion))
