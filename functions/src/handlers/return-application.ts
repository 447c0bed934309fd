import { returnApplication } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { returnApplication as giveBack } from '../services/applications'

export const handler = endpoint(returnApplication, (input, ctx) => giveBack(ctx.caller, input.id, input.reason))
