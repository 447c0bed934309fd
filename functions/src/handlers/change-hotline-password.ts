import { changeHotlinePassword } from '@gjj/shared/api/profile'
import { endpoint } from '../endpoint'
import { changeHotline } from '../services/security'

export const handler = endpoint(changeHotlinePassword, (input, ctx) => changeHotline(ctx.caller, input))
