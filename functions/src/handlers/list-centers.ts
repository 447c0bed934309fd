import { listCenters } from '@gjj/shared/api/system'
import { endpoint } from '../endpoint'
import * as system from '../services/system'

export const handler = endpoint(listCenters, async () => ({ centers: await system.listCenters() }))
