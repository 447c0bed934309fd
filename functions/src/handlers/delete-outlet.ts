import { deleteOutlet } from '@gjj/shared/api/publishing'
import { endpoint } from '../endpoint'
import * as outlets from '../services/outlets'

export const handler = endpoint(deleteOutlet, (input, ctx) => outlets.remove(ctx.caller, input.id))
