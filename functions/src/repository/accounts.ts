import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'
import { decodeCursor, encodeCursor } from './paging'

/**
 * 公积金账户 and its 业务明细 (ledger).
 * - account: pk ACCOUNT#<accountNo>, sk PROFILE (balance, status, version)
 * - ledger entry: pk ACCOUNT#<accountNo>, sk TXN#<date>#<id> — newest first by querying backwards
 */
export interface AccountItem {
  accountNo: string
  depositorId: string
  centerCode: string
  status: string
  balanceFen: number
  openedOn: string
  employerName: string
  depositBaseFen: number
  personalMonthlyFen: number
  employerMonthlyFen: number
  paidUpTo: string | null
  sealedOn: string | null
  version: number
}

export interface LedgerEntry {
  id: string
  date: string
  type: string
  amountFen: number
  balanceFen: number
  month: string | null
  summary: string | null
}

const accountKey = (accountNo: string) => ({ pk: `ACCOUNT#${accountNo}`, sk: 'PROFILE' })
const entryKey = (accountNo: string, e: Pick<LedgerEntry, 'date' | 'id'>) => ({
  pk: `ACCOUNT#${accountNo}`,
  sk: `TXN#${e.date}#${e.id}`,
})

export async function getAccount(accountNo: string): Promise<AccountItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: accountKey(accountNo) }))
  return out.Item as AccountItem | undefined
}

export async function listLedger(
  accountNo: string,
  { limit, cursor, year }: { limit: number; cursor?: string; year?: number },
): Promise<{ items: LedgerEntry[]; nextCursor: string | null }> {
  const pk = `ACCOUNT#${accountNo}`
  const range = year
    ? { expr: 'sk BETWEEN :from AND :to', values: { ':from': `TXN#${year}-01-01`, ':to': `TXN#${year}-12-31~` } }
    : { expr: 'begins_with(sk, :prefix)', values: { ':prefix': 'TXN#' } }
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: `pk = :pk AND ${range.expr}`,
      ExpressionAttributeValues: { ':pk': pk, ...range.values },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, pk),
    }),
  )
  const items = (out.Items ?? []).map((i) => ({
    id: i.id as string,
    date: i.date as string,
    type: i.type as string,
    amountFen: i.amountFen as number,
    balanceFen: i.balanceFen as number,
    month: (i.month as string | null) ?? null,
    summary: (i.summary as string | null) ?? null,
  }))
  return { items, nextCursor: encodeCursor(out.LastEvaluatedKey) }
}

/** seed: the account and its history */
export async function putAccountWithLedger(account: AccountItem, entries: LedgerEntry[]): Promise<void> {
  await db.send(
    new PutCommand({ TableName: table, Item: { ...accountKey(account.accountNo), entity: 'Account', ...account } }),
  )
  for (let i = 0; i < entries.length; i += 25) {
    await db.send(
      new BatchWriteCommand({
        RequestItems: {
          [table]: entries.slice(i, i + 25).map((e) => ({
            PutRequest: { Item: { ...entryKey(account.accountNo, e), entity: 'LedgerEntry', ...e } },
          })),
        },
      }),
    )
  }
}

type Tx = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]

/**
 * The balance change of a withdrawal, for a transaction: the balance must still cover the amount
 * and the account must be at the version that was read. A closing withdrawal empties the
 * account and sets its status.
 */
export function balanceDebit(account: AccountItem, amountFen: number, closeWithStatus?: string): Tx {
  return {
    Update: {
      TableName: table,
      Key: accountKey(account.accountNo),
      UpdateExpression: `SET balanceFen = balanceFen - :amt, version = :next${closeWithStatus ? ', #status = :st' : ''}`,
      ConditionExpression: 'balanceFen >= :amt AND version = :v',
      ...(closeWithStatus ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: {
        ':amt': amountFen,
        ':v': account.version,
        ':next': account.version + 1,
        ...(closeWithStatus ? { ':st': closeWithStatus } : {}),
      },
    },
  }
}

/** a ledger entry, for a transaction; written once (its key is unique) */
export function ledgerPut(accountNo: string, e: LedgerEntry): Tx {
  return {
    Put: {
      TableName: table,
      Item: { ...entryKey(accountNo, e), entity: 'LedgerEntry', ...e },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
}

/** ledger entries dated after `from` (oldest first): the balance changes an interest period needs */
export async function ledgerSince(accountNo: string, from: string): Promise<LedgerEntry[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk > :from',
      ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountNo}`, ':from': `TXN#${from}~` },
    }),
  )
  return (out.Items ?? []) as LedgerEntry[]
}
