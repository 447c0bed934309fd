import { listMyApplications } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { listMine } from '../services/applications'

export const handler = endpoint(listMyApplications, (input, ctx) => listMine(ctx.caller, input))
