import { getProfile } from '@gjj/shared/api/profile'
import { endpoint } from '../endpoint'
import { profile } from '../services/profile'

export const handler = endpoint(getProfile, (_input, ctx) => profile(ctx.caller))
