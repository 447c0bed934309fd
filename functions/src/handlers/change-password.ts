import { changePassword } from '@gjj/shared/api/profile'
import { endpoint } from '../endpoint'
import { changeLoginPassword } from '../services/security'

export const handler = endpoint(changePassword, (input, ctx) => changeLoginPassword(ctx.caller, ctx.token, input))
