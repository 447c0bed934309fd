import { getOutlet } from '@gjj/shared/api/outlet'
import { endpoint } from '../endpoint'
import * as outlets from '../services/outlets'

// the caller's position gives the distance and is never logged or stored
export const handler = endpoint(getOutlet, (input) => outlets.get(input))
