import { updateApplication } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { update } from '../services/applications'

export const handler = endpoint(updateApplication, (input, ctx) => update(ctx.caller, input))
