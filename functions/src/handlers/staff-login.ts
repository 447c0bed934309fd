import { staffLogin } from '@gjj/shared/api/admin'
import { endpoint } from '../lib/http'
import { login } from '../services/review'

export const handler = endpoint(staffLogin, (input, ctx) => login(input, ctx.sourceIp))
