import { type ApplicationKind, KINDS } from '@gjj/shared/catalog'
import { table } from './client'
import { depositorPartition } from './depositors'
import { plain, type StoredItem, type Write } from './transaction'

/**
 * Markers per depositor and application kind, in the depositor's partition:
 * - in-progress lock: pk DEPOSITOR#<depositorId>, sk ACTIVE#<kind> → appId. Taken with the draft
 *   (attribute_not_exists: one application of a kind at a time), released when the application
 *   is approved or ended.
 * - last approval: pk DEPOSITOR#<depositorId>, sk LAST#<kind> → appId, at (once-per-12-months rules).
 * The three loan businesses share one lock, ACTIVE#loanBusiness (its `kind` attribute names the
 * kind holding it): a business of the loan in progress blocks the others, since each one's figures
 * depend on the loan as the others leave it (decision 53).
 * Both are written only by the workflow steps (workflow.ts) and read with the depositor's
 * partition (depositor-partition.ts).
 */
const ACTIVE = 'ACTIVE#'
const LAST = 'LAST#'
export const ACTIVE_ENTITY = 'ActiveApplication'
export const LAST_APPROVAL_ENTITY = 'LastApproval'

type Owner = { id: string; depositorId: string; kind: ApplicationKind }

/** what a kind's in-progress lock is named: its own kind, or the loan businesses' shared lock */
const lockOf = (kind: ApplicationKind) => (KINDS[kind].group === 'loan' ? 'loanBusiness' : kind)

export const activeKey = (depositorId: string, kind: ApplicationKind) => ({
  pk: depositorPartition(depositorId),
  sk: `${ACTIVE}${lockOf(kind)}`,
})
export const lastApprovalKey = (depositorId: string, kind: string) => ({
  pk: depositorPartition(depositorId),
  sk: `${LAST}${kind}`,
})

export interface ActiveMarker {
  kind: ApplicationKind
  appId: string
}

export interface LastApproval {
  kind: ApplicationKind
  appId: string | null
  at: string
}

/** the kind is in the sort key (items written before issue 9 carry it nowhere else) */
const kindOf = (i: StoredItem, prefix: string) =>
  ((i.kind as string | undefined) ?? (i.sk as string).slice(prefix.length)) as ApplicationKind

export function activeFromItem(i: StoredItem): ActiveMarker {
  return { kind: kindOf(i, ACTIVE), appId: i.appId as string }
}

export function lastApprovalFromItem(i: StoredItem): LastApproval {
  return { kind: kindOf(i, LAST), appId: (i.appId as string | undefined) ?? null, at: i.at as string }
}

/** the draft's lock on its kind; taken already: another application of the kind is in progress */
export const takeActive = (app: Owner): Write<{ reason: 'inProgress' }> => ({
  item: {
    Put: {
      TableName: table,
      Item: { ...activeKey(app.depositorId, app.kind), entity: ACTIVE_ENTITY, kind: app.kind, appId: app.id },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  onFailure: () => ({ reason: 'inProgress' }),
})

export const releaseActive = (app: Owner): Write =>
  plain({ Delete: { TableName: table, Key: activeKey(app.depositorId, app.kind) } })

export const recordApproval = (app: Owner, at: string): Write =>
  plain({
    Put: {
      TableName: table,
      Item: {
        ...lastApprovalKey(app.depositorId, app.kind),
        entity: LAST_APPROVAL_ENTITY,
        kind: app.kind,
        appId: app.id,
        at,
      },
    },
  })
