import { login } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { signInWithPassword } from '../services/auth'

export const handler = endpoint(login, (input, ctx) => signInWithPassword(input, ctx.sourceIp))
