import type { ApplicationKind } from '@gjj/shared/catalog'
import { BANK_CARD_ENTITY, type BankCardItem, bankCardFromItem, bankCardKey } from './bank-cards'
import { queryAll } from './client'
import { DEPOSITOR_ENTITY, type DepositorItem, depositorFromItem, depositorKey, depositorPartition } from './depositors'
import {
  ACTIVE_ENTITY,
  activeFromItem,
  activeKey,
  LAST_APPROVAL_ENTITY,
  lastApprovalFromItem,
  lastApprovalKey,
} from './kind-markers'
import type { StoredItem } from './transaction'

export interface DepositorAggregate {
  depositor: DepositorItem | undefined
  cards: BankCardItem[]
  /** kind → application id in progress */
  active: Map<ApplicationKind, string>
  /** kind → when an application of it was last approved */
  lastApproved: Map<ApplicationKind, string>
}

/**
 * The depositor's whole partition in one query: profile, bank cards, in-progress and last-approved
 * kinds (verified devices are skipped). Each item is read by its own entity's fromItem.
 */
export async function getDepositorAggregate(depositorId: string): Promise<DepositorAggregate> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': depositorPartition(depositorId) },
  })
  return aggregateFromItems(items)
}

/**
 * The part of the aggregate one application's rules read, by key (decision 85): the profile, the
 * kind's in-progress and last-approved markers and the bank card it pays to — to be read in one
 * BatchGetItem with the session, and made into the aggregate by `aggregateFromItems`.
 */
export function aggregateKeysFor(depositorId: string, kind: ApplicationKind, cardNo: string | null) {
  return [
    depositorKey(depositorId),
    activeKey(depositorId, kind),
    lastApprovalKey(depositorId, kind),
    ...(cardNo ? [bankCardKey(depositorId, cardNo)] : []),
  ]
}

/** the aggregate of whatever items of one depositor's partition were read (others are ignored) */
export function aggregateFromItems(all: StoredItem[], depositorId?: string): DepositorAggregate {
  const pk = depositorId ? depositorPartition(depositorId) : undefined
  const items = pk ? all.filter((i) => i.pk === pk) : all
  const of = (entity: string) => items.filter((i) => i.entity === entity)
  const profile = of(DEPOSITOR_ENTITY)[0]
  return {
    depositor: profile ? depositorFromItem(profile) : undefined,
    cards: of(BANK_CARD_ENTITY).map(bankCardFromItem),
    active: new Map(
      of(ACTIVE_ENTITY)
        .map(activeFromItem)
        .map((m) => [m.kind, m.appId]),
    ),
    lastApproved: new Map(
      of(LAST_APPROVAL_ENTITY)
        .map(lastApprovalFromItem)
        .map((m) => [m.kind, m.at]),
    ),
  }
}
