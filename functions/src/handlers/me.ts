import { me } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { currentDepositor } from '../services/auth'

export const handler = endpoint(me, (_input, ctx) => currentDepositor(ctx.caller))
