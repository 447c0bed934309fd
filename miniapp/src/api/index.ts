import type { InputOf, Operation, OutputOf } from '@gjj/shared/api/contract'
import { type Operations, operations } from '@gjj/shared/api/index'
import { call } from './client'

/** one method per contract operation, named as the operation: `api.getAccount({ limit: 20 })` */
export type Api = {
  [K in keyof Operations]: (input?: InputOf<Operations[K]>) => Promise<OutputOf<Operations[K]>>
}

const ops: Record<string, Operation> = operations
export const api = Object.fromEntries(
  Object.entries(ops).map(([name, op]) => [name, (input: object = {}) => call(op, input as never)]),
) as unknown as Api

export { ApiRequestError, session, staffSession, uploadToPresignedPost } from './client'
