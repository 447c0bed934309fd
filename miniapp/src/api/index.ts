import { health, listCenters } from '@gjj/shared/api/system'
import { call } from './client'

/** one method per contract operation, named as the operation */
export const api = {
  health: () => call(health, {}),
  listCenters: () => call(listCenters, {}),
}

export { ApiRequestError, session } from './client'
