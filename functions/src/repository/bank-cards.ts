import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'
import { depositorPartition } from './depositors'
import type { StoredItem } from './transaction'

/** 收款银行卡: pk DEPOSITOR#<depositorId>, sk CARD#<cardNo> — one item per card, so adding twice is harmless */
export interface BankCardItem {
  id: string
  cardNo: string
  bankName: string
  holderName: string
  addedAt: string
}

const CARD = 'CARD#'
export const bankCardKey = (depositorId: string, cardNo: string) => ({
  pk: depositorPartition(depositorId),
  sk: `${CARD}${cardNo}`,
})

export const BANK_CARD_ENTITY = 'BankCard'

export function bankCardFromItem(i: StoredItem): BankCardItem {
  return {
    id: i.id as string,
    cardNo: i.cardNo as string,
    bankName: i.bankName as string,
    holderName: i.holderName as string,
    addedAt: i.addedAt as string,
  }
}

export async function listBankCards(depositorId: string): Promise<BankCardItem[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': depositorPartition(depositorId), ':p': CARD },
    }),
  )
  return (out.Items ?? []).map(bankCardFromItem)
}

export async function putBankCard(depositorId: string, card: BankCardItem): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: table,
      Item: { ...bankCardKey(depositorId, card.cardNo), entity: BANK_CARD_ENTITY, ...card },
    }),
  )
}
