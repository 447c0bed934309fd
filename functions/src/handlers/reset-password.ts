import { resetPassword } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { complete } from '../services/password-reset'

export const handler = endpoint(resetPassword, (input) => complete(input))
