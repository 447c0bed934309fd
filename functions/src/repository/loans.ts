import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'
import { decodeCursor, encodeCursor } from './paging'

/**
 * 公积金贷款 and its records.
 * - loan: pk LOAN#<loanNo>, sk PROFILE
 * - repayment (贷款还款明细): pk LOAN#<loanNo>, sk REPAY#<date>#<id>
 * - overdue period (逾期): pk LOAN#<loanNo>, sk OVERDUE#<period, 3 digits> — removed when repaid
 */
export interface LoanItem {
  loanNo: string
  contractNo: string
  depositorId: string
  accountNo: string
  centerCode: string
  status: 'normal' | 'overdue' | 'settled'
  principalFen: number
  remainingPrincipalFen: number
  annualRatePpm: number
  repaymentMethod: '01' | '02'
  months: number
  paidMonths: number
  disbursedOn: string
  firstDueDate: string
  endDate: string
  repaymentDay: number
  lastDueDate: string
  monthlyDeductionSigned: boolean
  bankName: string
  bankCardNo: string
  houseAddress: string | null
  version: number
}

export interface RepaymentItem {
  id: string
  date: string
  period: number | null
  type: string
  principalFen: number
  interestFen: number
  penaltyFen: number
  remainingPrincipalFen: number
  /** 还款来源: bank card or 公积金 deduction */
  source: 'bank' | 'fund'
}

export interface OverdueItem {
  period: number
  dueDate: string
  principalFen: number
  interestFen: number
  penaltyFen: number
}

const loanKey = (loanNo: string) => ({ pk: `LOAN#${loanNo}`, sk: 'PROFILE' })

export async function getLoan(loanNo: string): Promise<LoanItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: loanKey(loanNo) }))
  return out.Item as LoanItem | undefined
}

export async function listRepayments(
  loanNo: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<{ items: RepaymentItem[]; nextCursor: string | null }> {
  const pk = `LOAN#${loanNo}`
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': 'REPAY#' },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, pk),
    }),
  )
  const items = (out.Items ?? []).map(
    (i): RepaymentItem => ({
      id: i.id as string,
      date: i.date as string,
      period: (i.period as number | null) ?? null,
      type: i.type as string,
      principalFen: i.principalFen as number,
      interestFen: i.interestFen as number,
      penaltyFen: i.penaltyFen as number,
      remainingPrincipalFen: i.remainingPrincipalFen as number,
      source: i.source as 'bank' | 'fund',
    }),
  )
  return { items, nextCursor: encodeCursor(out.LastEvaluatedKey) }
}

export async function listOverdue(loanNo: string): Promise<OverdueItem[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `LOAN#${loanNo}`, ':p': 'OVERDUE#' },
    }),
  )
  return (out.Items ?? []).map((i) => ({
    period: i.period as number,
    dueDate: i.dueDate as string,
    principalFen: i.principalFen as number,
    interestFen: i.interestFen as number,
    penaltyFen: i.penaltyFen as number,
  }))
}

/** seed: the loan, its repayments and its overdue periods */
export async function putLoanWithRecords(loan: LoanItem, repayments: RepaymentItem[], overdue: OverdueItem[]) {
  await db.send(new PutCommand({ TableName: table, Item: { ...loanKey(loan.loanNo), entity: 'Loan', ...loan } }))
  const items = [
    ...repayments.map((r) => ({ pk: `LOAN#${loan.loanNo}`, sk: `REPAY#${r.date}#${r.id}`, entity: 'Repayment', ...r })),
    ...overdue.map((o) => ({
      pk: `LOAN#${loan.loanNo}`,
      sk: `OVERDUE#${String(o.period).padStart(3, '0')}`,
      entity: 'OverduePeriod',
      ...o,
    })),
  ]
  for (let i = 0; i < items.length; i += 25) {
    await db.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    )
  }
}
