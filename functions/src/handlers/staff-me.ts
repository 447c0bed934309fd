import { staffMe } from '@gjj/shared/api/admin'
import { endpoint } from '../lib/http'
import { me } from '../services/staff-auth'

export const handler = endpoint(staffMe, (_input, ctx) => me(ctx.caller))
