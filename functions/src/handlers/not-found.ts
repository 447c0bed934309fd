import { unknownRoute } from '../lib/http'

/** the $default route (serverless.yml `httpApi: '*'`): unknown routes get the API's JSON 404 */
export const handler = unknownRoute
