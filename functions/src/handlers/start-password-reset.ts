import { startPasswordReset } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { start } from '../services/password-reset'

export const handler = endpoint(startPasswordReset, (input, ctx) => start(input, ctx.sourceIp))
