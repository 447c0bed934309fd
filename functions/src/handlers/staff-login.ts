import { staffLogin } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { login } from '../services/staff-auth'

export const handler = endpoint(staffLogin, (input, ctx) => login(input, ctx.sourceIp))
