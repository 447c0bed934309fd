import { health } from '@gjj/shared/api/system'
import { endpoint } from '../endpoint'
import * as system from '../services/health'

export const handler = endpoint(health, () => system.health())
