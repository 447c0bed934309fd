import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db, queryPage, table } from './client'
import { decodeCursor } from './paging'
import { plain, type StoredItem, type Write } from './transaction'

/**
 * 公积金账户 and its 业务明细 (ledger).
 * - account: pk ACCOUNT#<accountNo>, sk ~ACCOUNT (balance, status, version): '~' sorts after every
 *   TXN#…, so one backward Query from the top of the partition returns the account first and then its
 *   newest ledger entries (账户查询's screen in one round trip, issue 14, decision 68)
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

const accountPartition = (accountNo: string) => `ACCOUNT#${accountNo}`
const TXN = 'TXN#'
const ACCOUNT_SK = '~ACCOUNT'
export const accountKey = (accountNo: string) => ({ pk: accountPartition(accountNo), sk: ACCOUNT_SK })
export const ledgerEntryKey = (accountNo: string, e: Pick<LedgerEntry, 'date' | 'id'>) => ({
  pk: accountPartition(accountNo),
  sk: `${TXN}${e.date}#${e.id}`,
})

export function accountFromItem(i: StoredItem): AccountItem {
  return {
    accountNo: i.accountNo as string,
    depositorId: i.depositorId as string,
    centerCode: i.centerCode as string,
    status: i.status as string,
    balanceFen: i.balanceFen as number,
    openedOn: i.openedOn as string,
    employerName: i.employerName as string,
    depositBaseFen: i.depositBaseFen as number,
    personalMonthlyFen: i.personalMonthlyFen as number,
    employerMonthlyFen: i.employerMonthlyFen as number,
    paidUpTo: (i.paidUpTo as string | null | undefined) ?? null,
    sealedOn: (i.sealedOn as string | null | undefined) ?? null,
    version: i.version as number,
  }
}

export function ledgerEntryFromItem(i: StoredItem): LedgerEntry {
  return {
    id: i.id as string,
    date: i.date as string,
    type: i.type as string,
    amountFen: i.amountFen as number,
    balanceFen: i.balanceFen as number,
    month: (i.month as string | null | undefined) ?? null,
    summary: (i.summary as string | null | undefined) ?? null,
  }
}

export async function getAccount(accountNo: string): Promise<AccountItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: accountKey(accountNo) }))
  return out.Item ? accountFromItem(out.Item) : undefined
}

export async function listLedger(
  accountNo: string,
  { limit, cursor, year }: { limit: number; cursor?: string; year?: number },
): Promise<{ items: LedgerEntry[]; nextCursor: string | null }> {
  const pk = accountPartition(accountNo)
  const range = year
    ? { expr: 'sk BETWEEN :from AND :to', values: { ':from': `${TXN}${year}-01-01`, ':to': `${TXN}${year}-12-31~` } }
    : { expr: 'begins_with(sk, :prefix)', values: { ':prefix': TXN } }
  const page = await queryPage(
    {
      KeyConditionExpression: `pk = :pk AND ${range.expr}`,
      ExpressionAttributeValues: { ':pk': pk, ...range.values },
      Limit: limit,
    },
    decodeCursor(cursor, pk),
  )
  return { ...page, items: page.items.map(ledgerEntryFromItem) }
}

/**
 * The account and the newest `limit` entries of its ledger in ONE Query (backwards from the account
 * item, which sorts after every entry); the cursor continues with listLedger. Undefined account when
 * there is none.
 */
export async function getAccountWithLedger(
  accountNo: string,
  limit: number,
): Promise<{ account: AccountItem | undefined; items: LedgerEntry[]; nextCursor: string | null }> {
  const pk = accountPartition(accountNo)
  const page = await queryPage(
    {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': TXN, ':to': ACCOUNT_SK },
      Limit: limit + 1,
    },
    undefined,
  )
  const [first, ...rest] = page.items
  if (first?.sk !== ACCOUNT_SK) {
    // no account item: whatever came back is ledger only (a partition without its account)
    return { account: undefined, items: [], nextCursor: null }
  }
  return { account: accountFromItem(first), items: rest.map(ledgerEntryFromItem), nextCursor: page.nextCursor }
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
            PutRequest: { Item: { ...ledgerEntryKey(account.accountNo, e), entity: 'LedgerEntry', ...e } },
          })),
        },
      }),
    )
  }
}

/** why a balance change did not happen: the balance no longer covers it, or the account moved on */
export type BalanceFailure = { reason: 'insufficientBalance' } | { reason: 'accountChanged' }

/**
 * The balance change of a withdrawal, for a workflow step: the balance must still cover the amount
 * and the account must be at the version that was read. A closing withdrawal empties the
 * account and sets its status.
 */
export function debitBalance(account: AccountItem, amountFen: number, closeWithStatus?: string): Write<BalanceFailure> {
  return {
    item: {
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
    },
    onFailure: (now) =>
      now && (now.balanceFen as number) < amountFen ? { reason: 'insufficientBalance' } : { reason: 'accountChanged' },
  }
}

/** a ledger entry, for a workflow step; written once (its key is unique) */
export function recordLedgerEntry(accountNo: string, e: LedgerEntry): Write {
  return plain({
    Put: {
      TableName: table,
      Item: { ...ledgerEntryKey(accountNo, e), entity: 'LedgerEntry', ...e },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  })
}

/** ledger entries dated after `from` (oldest first): the balance changes an interest period needs */
export async function ledgerSince(accountNo: string, from: string): Promise<LedgerEntry[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      // bounded above: the account item (~ACCOUNT) sorts after every entry
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': accountPartition(accountNo), ':from': `${TXN}${from}~`, ':to': `${TXN}~` },
    }),
  )
  return (out.Items ?? []).map(ledgerEntryFromItem)
}

/**
 * The account and its ledger entries after China date `from` (the 销户 quote's input) in ONE Query:
 * the entries come in date order and the account item, sorting after them, last (decision 68).
 */
export async function accountWithLedgerSince(
  accountNo: string,
  from: string,
): Promise<{ account: AccountItem | undefined; entries: LedgerEntry[] }> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': accountPartition(accountNo), ':from': `${TXN}${from}~`, ':to': ACCOUNT_SK },
    }),
  )
  const items = out.Items ?? []
  const last = items[items.length - 1]
  if (last?.sk !== ACCOUNT_SK) return { account: undefined, entries: [] }
  return { account: accountFromItem(last), entries: items.slice(0, -1).map(ledgerEntryFromItem) }
}
