import { endApplication } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { end } from '../services/applications'

export const handler = endpoint(endApplication, (input, ctx) => end(ctx.caller, input.id))
