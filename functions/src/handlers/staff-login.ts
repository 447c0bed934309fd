import { staffLogin } from '@gjj/shared/api/admin'
import { endpoint } from '../lib/http'
import { login } from '../services/staff-auth'

export const handler = endpoint(staffLogin, (input, ctx) => login(input, ctx.sourceIp))
