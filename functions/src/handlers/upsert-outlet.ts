import { upsertOutlet } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as outlets from '../services/outlets'

export const handler = endpoint(upsertOutlet, (input, ctx) => outlets.upsert(ctx.caller, input))
