import type { Operation } from './contract'

/**
 * Operations drafted for coming issues but not built: no handler, no serverless.yml function, no
 * `api.*` method. They are kept out of `operations` (DESIGN §8: the contract holds only what exists),
 * so a page cannot call an operation that would only answer 404. An operation moves from here into
 * `operations` in the same change that adds its handler and route; scripts/contract.test.ts fails
 * while it is in both or has a handler while still planned. The shared tests still check these
 * drafts' shapes and messages. None today: the drafts of issues 11 and 12 are all built.
 */
export const planned = {} as const

/** the drafts as a list, for the shared tests (typed even while there are none) */
export const plannedEntries = Object.entries(planned) as [string, Operation][]
