import * as account from '@gjj/shared/api/account'
import * as application from '@gjj/shared/api/application'
import * as auth from '@gjj/shared/api/auth'
import * as bankCard from '@gjj/shared/api/bank-card'
import type { Operation } from '@gjj/shared/api/contract'
import * as documents from '@gjj/shared/api/documents'
import * as loan from '@gjj/shared/api/loan'
import * as loanBusiness from '@gjj/shared/api/loan-business'
import * as news from '@gjj/shared/api/news'
import * as outlet from '@gjj/shared/api/outlet'
import { planned } from '@gjj/shared/api/planned'
import * as privacy from '@gjj/shared/api/privacy'
import * as profile from '@gjj/shared/api/profile'
import * as system from '@gjj/shared/api/system'
import * as withdrawal from '@gjj/shared/api/withdrawal'

/** the operations a contract module exports (it exports its schemas too), keyed by name */
export type OperationsIn<M> = { [K in keyof M as M[K] extends Operation ? K : never]: M[K] }

const isOperation = (v: unknown): v is Operation =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'audience' in v && 'output' in v

export function operationsOf<M extends object>(module: M): OperationsIn<M> {
  return Object.fromEntries(
    Object.values(module)
      .filter(isOperation)
      .map((op) => [op.name, op]),
  ) as OperationsIn<M>
}

/**
 * What the mini-program calls: every operation of the contract but the review console's
 * (`@gjj/shared/api/admin` and `publishing`, /api/admin/...), which the console's own client adds in the H5 build
 * only. Taken module by module instead of from the contract's `operations`, so that no console
 * operation is bundled into the WeChat and Alipay packages; operations.test.ts keeps this list
 * in step with the contract.
 */
const drafted = {
  ...operationsOf(system),
  ...operationsOf(auth),
  ...operationsOf(account),
  ...operationsOf(loan),
  ...operationsOf(news),
  ...operationsOf(outlet),
  ...operationsOf(privacy),
  ...operationsOf(profile),
  ...operationsOf(bankCard),
  ...operationsOf(withdrawal),
  ...operationsOf(application),
  ...operationsOf(loanBusiness),
  ...operationsOf(documents),
}

/** operations still only drafted (shared/src/api/planned.ts) have no handler yet: no method for them */
type Built = Omit<typeof drafted, keyof typeof planned>
export const depositorOperations = Object.fromEntries(
  Object.entries(drafted).filter(([name]) => !(name in planned)),
) as Built
