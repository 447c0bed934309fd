import { listOutlets } from '@gjj/shared/api/outlet'
import { endpoint } from '../endpoint'
import * as outlets from '../services/outlets'

// the caller's position sorts the list and is never logged or stored
export const handler = endpoint(listOutlets, (input) => outlets.list(input))
