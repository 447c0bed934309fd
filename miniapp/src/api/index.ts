import { apiOf, depositorSignIn } from './client'
import { depositorOperations } from './operations'

/** one method per contract operation, named as the operation: `api.getAccount({ limit: 20 })` */
export const api = apiOf(depositorOperations, depositorSignIn)

export { ApiRequestError, session, uploadToPresignedPost } from './client'
