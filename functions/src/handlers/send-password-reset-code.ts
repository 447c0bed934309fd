import { sendPasswordResetCode } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { sendCode } from '../services/password-reset'

export const handler = endpoint(sendPasswordResetCode, (input) => sendCode(input))
