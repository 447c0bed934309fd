import { startFirstLoginVerification } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { startVerification } from '../services/auth'

export const handler = endpoint(startFirstLoginVerification, (input) => startVerification(input))
