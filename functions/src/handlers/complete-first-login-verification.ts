import { completeFirstLoginVerification } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { completeVerification } from '../services/auth'

export const handler = endpoint(completeFirstLoginVerification, (input) => completeVerification(input))
