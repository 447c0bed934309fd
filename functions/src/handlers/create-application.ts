import { createApplication } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { create } from '../services/applications'

export const handler = endpoint(createApplication, (input, ctx) => create(ctx.caller, input))
