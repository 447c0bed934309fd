import { startPasswordResetFace } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { startFace } from '../services/password-reset'

export const handler = endpoint(startPasswordResetFace, (input) => startFace(input))
