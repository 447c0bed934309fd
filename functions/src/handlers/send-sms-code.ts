import { sendSmsCode } from '@gjj/shared/api/profile'
import { endpoint } from '../endpoint'
import { sendChangePhoneCode } from '../services/security'

export const handler = endpoint(sendSmsCode, (input, ctx) => sendChangePhoneCode(ctx.caller, input))
