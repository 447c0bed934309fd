import { type RouteOperations, routes } from '@gjj/shared/api/routes'
import { apiOf, depositorSignIn } from './client'

/**
 * one method per contract operation outside the review console's, named as the operation:
 * `api.getAccount({ limit: 20 })`
 */
export const api = apiOf<RouteOperations>(routes, depositorSignIn)

export { ApiRequestError, session, uploadToPresignedPost } from './client'
