import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'

/** 收款银行卡: pk DEPOSITOR#<depositorId>, sk CARD#<cardNo> — one item per card, so adding twice is harmless */
export interface BankCardItem {
  id: string
  cardNo: string
  bankName: string
  holderName: string
  addedAt: string
}

export async function listBankCards(depositorId: string): Promise<BankCardItem[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `DEPOSITOR#${depositorId}`, ':p': 'CARD#' },
    }),
  )
  return (out.Items ?? []) as BankCardItem[]
}

export async function putBankCard(depositorId: string, card: BankCardItem): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: table,
      Item: { pk: `DEPOSITOR#${depositorId}`, sk: `CARD#${card.cardNo}`, entity: 'BankCard', ...card },
    }),
  )
}
