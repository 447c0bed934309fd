import { changePhone } from '@gjj/shared/api/profile'
import { endpoint } from '../endpoint'
import { changePhoneNumber } from '../services/security'

export const handler = endpoint(changePhone, (input, ctx) => changePhoneNumber(ctx.caller, ctx.token, input))
