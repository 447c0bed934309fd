import { staffMe } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { me } from '../services/staff-auth'

export const handler = endpoint(staffMe, (_input, ctx) => me(ctx.caller))
