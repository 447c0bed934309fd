import { completeFirstLoginVerification } from '@gjj/shared/api/auth'
import { endpoint } from '../lib/http'
import { completeVerification } from '../services/auth'

export const handler = endpoint(completeFirstLoginVerification, (input) => completeVerification(input))
