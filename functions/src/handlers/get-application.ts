import { getApplication } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { get } from '../services/applications'

export const handler = endpoint(getApplication, (input, ctx) => get(ctx.caller, input.id))
