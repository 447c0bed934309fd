import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { type AccountItem, accountFromItem, accountKey, type LedgerEntry, recordLedgerEntry } from './accounts'
import { type AuditEntry, recordAudit } from './audit'
import { db, table } from './client'
import {
  DEDUCTION_INDEX,
  deductionIndex,
  deductionPartition,
  deductionUpTo,
  type LoanItem,
  loanFromItem,
  loanKey,
  type RepaymentItem,
  repaymentKey,
} from './loans'
import type { Key } from './paging'
import { type Outcome, type StoredItem, transact, type Write } from './transaction'

/**
 * The writes and reads of the daily 按月委托提取 (monthly deduction, issue 12 item 6). The loan's
 * index attributes are the loan's own (loans.ts); this file reads the index and books one period of
 * one loan in one TransactWriteItems.
 */

/** one page of the loans of `shard` due on or before `date`, oldest due date first */
export async function dueLoans(
  shard: number,
  date: string,
  { limit, cursor }: { limit: number; cursor?: string | null },
): Promise<{ loans: LoanItem[]; nextCursor: string | null }> {
  const partition = deductionPartition(shard)
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      IndexName: DEDUCTION_INDEX,
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk <= :upTo',
      ExpressionAttributeValues: { ':p': partition, ':upTo': deductionUpTo(date) },
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: decodeIndexCursor(cursor, partition) } : {}),
    }),
  )
  return {
    loans: (out.Items ?? []).map(loanFromItem),
    nextCursor: out.LastEvaluatedKey ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString('base64url') : null,
  }
}

/** a continuation cursor is only taken for the shard it came from */
function decodeIndexCursor(cursor: string, partition: string): Key {
  const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Key
  if (key?.gsi2pk !== partition || typeof key.gsi2sk !== 'string' || typeof key.pk !== 'string') {
    throw new Error(`deduction cursor is not of ${partition}`)
  }
  return key
}

/** the accounts of a page of loans, by account number (BatchGetItem, 100 keys a call) */
export async function accountsOf(accountNos: string[]): Promise<Map<string, AccountItem>> {
  const found = new Map<string, AccountItem>()
  const unique = [...new Set(accountNos)]
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(accountKey)
    for (let round = 0; keys?.length && round < 5; round++) {
      const out: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }),
      )
      for (const item of out.Responses?.[table] ?? []) {
        const account = accountFromItem(item)
        found.set(account.accountNo, account)
      }
      keys = out.UnprocessedKeys?.[table]?.Keys
    }
    if (keys?.length) throw new Error(`BatchGetItem left ${keys.length} accounts unread`)
  }
  return found
}

/** why a booking did not happen: the period was booked meanwhile, or the loan or account moved on */
export type DeductionFailure =
  | { reason: 'alreadyBooked' }
  | { reason: 'loanChanged'; loan?: LoanItem }
  | { reason: 'accountChanged'; account?: AccountItem }

export interface PeriodBooking {
  /** the loan as read; it must still be due on `dueDate` at this version */
  loan: LoanItem
  dueDate: string
  /** the loan after the period */
  remainingPrincipalFen: number
  paidMonths: number
  /** the next due date of the deduction, null: the loan leaves the index */
  nextDueDate: string | null
  settled: boolean
  /** the fund part: the account as read, the amount, its ledger entry (11 部分提取, 用途 还贷) */
  fund: { account: AccountItem; amountFen: number; ledger: LedgerEntry } | null
  /** 05 公积金提取还款 (source fund) and/or the part left for the bank debit (02, source bank) */
  repayments: RepaymentItem[]
  audit: AuditEntry
}

/** the loan moved on from the period due on `dueDate`, at the version read */
function moveLoan(b: Pick<PeriodBooking, 'loan' | 'dueDate' | 'nextDueDate'>, set: Record<string, unknown>) {
  const { loan } = b
  const index = b.nextDueDate ? deductionIndex(loan.loanNo, b.nextDueDate) : null
  const values: Record<string, unknown> = {
    ':v': loan.version,
    ':next': loan.version + 1,
    ':due': deductionIndex(loan.loanNo, b.dueDate).gsi2sk,
    ...(index ? { ':isk': index.gsi2sk, ':idue': index.deductionDueDate } : {}),
  }
  const names: Record<string, string> = {}
  const sets = ['version = :next', ...(index ? ['gsi2sk = :isk', 'deductionDueDate = :idue'] : [])]
  for (const [i, [name, value]] of Object.entries(set).entries()) {
    names[`#a${i}`] = name
    values[`:a${i}`] = value
    sets.push(`#a${i} = :a${i}`)
  }
  return {
    item: {
      Update: {
        TableName: table,
        Key: loanKey(loan.loanNo),
        UpdateExpression: `SET ${sets.join(', ')}${index ? '' : ' REMOVE gsi2pk, gsi2sk, deductionDueDate'}`,
        ConditionExpression: 'version = :v AND gsi2sk = :due',
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
    },
    onFailure: (now: StoredItem | undefined): DeductionFailure =>
      now && now.gsi2sk !== values[':due']
        ? { reason: 'alreadyBooked' }
        : { reason: 'loanChanged', ...(now ? { loan: loanFromItem(now) } : {}) },
  } satisfies Write<DeductionFailure>
}

function debitFund(account: AccountItem, amountFen: number): Write<DeductionFailure> {
  return {
    item: {
      Update: {
        TableName: table,
        Key: accountKey(account.accountNo),
        UpdateExpression: 'SET balanceFen = balanceFen - :amt, version = :next',
        ConditionExpression: 'balanceFen >= :amt AND version = :v AND #status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':amt': amountFen,
          ':v': account.version,
          ':next': account.version + 1,
          ':status': account.status,
        },
      },
    },
    onFailure: (now) => ({ reason: 'accountChanged', ...(now ? { account: accountFromItem(now) } : {}) }),
  }
}

/** a repayment record of one period; its id names the period, so it is written once */
function recordPeriodRepayment(loanNo: string, r: RepaymentItem): Write<DeductionFailure> {
  return {
    item: {
      Put: {
        TableName: table,
        Item: { ...repaymentKey(loanNo, r), entity: 'Repayment', ...r },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onFailure: () => ({ reason: 'alreadyBooked' }),
  }
}

/**
 * One period of one loan, all or nothing: the loan (principal, paid months, last due date, next
 * deduction date, version), the fund debit with its ledger entry, the period's repayment records and
 * the audit entry.
 */
export function bookPeriod(b: PeriodBooking): Promise<Outcome<DeductionFailure>> {
  const writes: Write<DeductionFailure>[] = [
    moveLoan(b, {
      remainingPrincipalFen: b.remainingPrincipalFen,
      paidMonths: b.paidMonths,
      lastDueDate: b.dueDate,
      ...(b.settled ? { status: 'settled' } : {}),
    }),
  ]
  if (b.fund) {
    writes.push(debitFund(b.fund.account, b.fund.amountFen), recordLedgerEntry(b.fund.account.accountNo, b.fund.ledger))
  }
  for (const r of b.repayments) writes.push(recordPeriodRepayment(b.loan.loanNo, r))
  writes.push(recordAudit(b.audit))
  return transact(writes)
}

/**
 * No period to book on `dueDate` (the plan has none that day, or the loan is no longer signed or is
 * settled): the loan moves to its next due date in the index, or leaves it, with an audit entry.
 */
export function skipPeriod(
  b: Pick<PeriodBooking, 'loan' | 'dueDate' | 'nextDueDate' | 'audit'>,
): Promise<Outcome<DeductionFailure>> {
  return transact([moveLoan(b, {}), recordAudit(b.audit)])
}
