import type { ApplicationKind } from '@gjj/shared/catalog'
import { BANK_CARD_ENTITY, type BankCardItem, bankCardFromItem } from './bank-cards'
import { queryAll } from './client'
import { DEPOSITOR_ENTITY, type DepositorItem, depositorFromItem, depositorPartition } from './depositors'
import { ACTIVE_ENTITY, activeFromItem, LAST_APPROVAL_ENTITY, lastApprovalFromItem } from './kind-markers'

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
