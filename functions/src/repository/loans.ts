import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { chinaDate } from '@gjj/shared/clock'
import { deductionShard, nextDueDateAfter as nextContractDueDate } from '@gjj/shared/loan/due-dates'
import type { ScheduleVersion } from '@gjj/shared/loan/plan'
import { db, queryPage, table } from './client'
import { decodeCursor } from './paging'
import { plain, type StoredItem, type Write } from './transaction'

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
  /** the schedule versions made by 提前还本 (loan/plan.ts); none: the contract's own schedule */
  schedules: ScheduleVersion[]
  /** the China date of 提前结清 */
  settledOn: string | null
  version: number
  /** 按月委托提取: the due date the daily deduction takes next (in the deduction index); null when not signed */
  deductionDueDate?: string | null
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

const loanPartition = (loanNo: string) => `LOAN#${loanNo}`
const REPAY = 'REPAY#'
const OVERDUE = 'OVERDUE#'
export const loanKey = (loanNo: string) => ({ pk: loanPartition(loanNo), sk: 'PROFILE' })
export const repaymentKey = (loanNo: string, r: Pick<RepaymentItem, 'date' | 'id'>) => ({
  pk: loanPartition(loanNo),
  sk: `${REPAY}${r.date}#${r.id}`,
})
export const overdueKey = (loanNo: string, period: number) => ({
  pk: loanPartition(loanNo),
  sk: `${OVERDUE}${String(period).padStart(3, '0')}`,
})

export function loanFromItem(i: StoredItem): LoanItem {
  return {
    loanNo: i.loanNo as string,
    contractNo: i.contractNo as string,
    depositorId: i.depositorId as string,
    accountNo: i.accountNo as string,
    centerCode: i.centerCode as string,
    status: i.status as LoanItem['status'],
    principalFen: i.principalFen as number,
    remainingPrincipalFen: i.remainingPrincipalFen as number,
    annualRatePpm: i.annualRatePpm as number,
    repaymentMethod: i.repaymentMethod as LoanItem['repaymentMethod'],
    months: i.months as number,
    paidMonths: i.paidMonths as number,
    disbursedOn: i.disbursedOn as string,
    firstDueDate: i.firstDueDate as string,
    endDate: i.endDate as string,
    repaymentDay: i.repaymentDay as number,
    lastDueDate: i.lastDueDate as string,
    monthlyDeductionSigned: Boolean(i.monthlyDeductionSigned),
    bankName: i.bankName as string,
    bankCardNo: i.bankCardNo as string,
    houseAddress: (i.houseAddress as string | null | undefined) ?? null,
    // loans written before issue 12 have neither: the contract's schedule, not settled
    schedules: (i.schedules as ScheduleVersion[] | undefined) ?? [],
    settledOn: (i.settledOn as string | null | undefined) ?? null,
    version: i.version as number,
    deductionDueDate: (i.deductionDueDate as string | null | undefined) ?? null,
  }
}

export function repaymentFromItem(i: StoredItem): RepaymentItem {
  return {
    id: i.id as string,
    date: i.date as string,
    period: (i.period as number | null | undefined) ?? null,
    type: i.type as string,
    principalFen: i.principalFen as number,
    interestFen: i.interestFen as number,
    penaltyFen: i.penaltyFen as number,
    remainingPrincipalFen: i.remainingPrincipalFen as number,
    source: i.source as RepaymentItem['source'],
  }
}

export function overdueFromItem(i: StoredItem): OverdueItem {
  return {
    period: i.period as number,
    dueDate: i.dueDate as string,
    principalFen: i.principalFen as number,
    interestFen: i.interestFen as number,
    penaltyFen: i.penaltyFen as number,
  }
}

export async function getLoan(loanNo: string): Promise<LoanItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: loanKey(loanNo), ConsistentRead: true }))
  return out.Item ? loanFromItem(out.Item) : undefined
}

export async function listRepayments(
  loanNo: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<{ items: RepaymentItem[]; nextCursor: string | null }> {
  const pk = loanPartition(loanNo)
  const page = await queryPage(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': REPAY },
      Limit: limit,
    },
    decodeCursor(cursor, pk),
  )
  return { ...page, items: page.items.map(repaymentFromItem) }
}

export async function listOverdue(loanNo: string): Promise<OverdueItem[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': loanPartition(loanNo), ':p': OVERDUE },
    }),
  )
  return (out.Items ?? []).map(overdueFromItem)
}

/** seed: the loan, its repayments and its overdue periods */
export async function putLoanWithRecords(loan: LoanItem, repayments: RepaymentItem[], overdue: OverdueItem[]) {
  const index = loan.deductionDueDate ? deductionIndex(loan.loanNo, loan.deductionDueDate) : {}
  await db.send(
    new PutCommand({ TableName: table, Item: { ...loanKey(loan.loanNo), entity: 'Loan', ...loan, ...index } }),
  )
  const items = [
    ...repayments.map((r) => ({ ...repaymentKey(loan.loanNo, r), entity: 'Repayment', ...r })),
    ...overdue.map((o) => ({ ...overdueKey(loan.loanNo, o.period), entity: 'OverduePeriod', ...o })),
  ]
  for (let i = 0; i < items.length; i += 25) {
    await db.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    )
  }
}

/* ---- 贷款业务 (issue 12): the loan's side of an approval, as effects of the workflow's move ---- */

/** the loan is no longer as it was read (a repayment came in, another business was approved) */
export type LoanChanged = { reason: 'loanChanged'; loan?: LoanItem }

const loanChanged = (now: StoredItem | undefined): LoanChanged => ({
  reason: 'loanChanged',
  ...(now ? { loan: loanFromItem(now) } : {}),
})

/** an update of the loan at the version read, still not settled; bumps the version */
function changeLoan(loan: LoanItem, set: Record<string, unknown>): Write<LoanChanged> {
  const names: Record<string, string> = { '#version': 'version', '#status': 'status' }
  const values: Record<string, unknown> = { ':v': loan.version, ':next': loan.version + 1, ':settled': 'settled' }
  const sets = ['#version = :next']
  for (const [k, v] of Object.entries(set)) {
    names[`#${k}`] = k
    values[`:${k}`] = v
    sets.push(`#${k} = :${k}`)
  }
  return {
    item: {
      Update: {
        TableName: table,
        Key: loanKey(loan.loanNo),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#version = :v AND #status <> :settled',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onFailure: loanChanged,
  }
}

/** 提前还本: principal down, the end date of the chosen plan, its schedule version added (months stays the contract's) */
export function applyPrepayment(
  loan: LoanItem,
  change: { remainingPrincipalFen: number; endDate: string; schedule: ScheduleVersion },
): Write<LoanChanged> {
  return changeLoan(loan, {
    remainingPrincipalFen: change.remainingPrincipalFen,
    endDate: change.endDate,
    schedules: [...loan.schedules, change.schedule],
  })
}

/** 提前结清: the loan is 结清 on `on` (its end date now), nothing remains, no installment is due any more */
export function settleLoan(loan: LoanItem, on: string): Write<LoanChanged> {
  return changeLoan(loan, { status: 'settled', remainingPrincipalFen: 0, settledOn: on, endDate: on })
}

/** a 贷款还款明细 record (03 提前还款, 06 结清, …), once */
export function recordRepayment(loanNo: string, r: RepaymentItem): Write {
  return plain({
    Put: {
      TableName: table,
      Item: { ...repaymentKey(loanNo, r), entity: 'Repayment', ...r },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  })
}

/** an overdue period is settled with the loan */
export function clearOverdue(loanNo: string, period: number): Write {
  return plain({ Delete: { TableName: table, Key: overdueKey(loanNo, period) } })
}

/** the loan's repayment records of one China month (`yyyy-mm`), e.g. the 提前还本 of this month */
export async function repaymentsInMonth(loanNo: string, month: string): Promise<RepaymentItem[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': loanPartition(loanNo), ':p': `${REPAY}${month}` },
      ConsistentRead: true,
    }),
  )
  return (out.Items ?? []).map(repaymentFromItem)
}

// ---- 按月委托提取 (monthly deduction): the sparse deduction index (issue 12, item 6) ----------------

/**
 * A signed loan carries `gsi2pk` = DEDUCT#<shard>, `gsi2sk` = <due date>#<loanNo> (and the plain
 * `deductionDueDate`): the daily deduction Queries gsi2 for the loans of a shard due on or before a
 * China date, never scanning. Unsigned and settled loans have no such attributes, so the index holds
 * only what the job works on. Shards spread one busy due date over DEDUCTION_SHARDS partitions, each
 * a worker invocation of its own (decision 59).
 */
export const DEDUCTION_INDEX = 'gsi2'
export { DEDUCTION_SHARDS, deductionShard } from '@gjj/shared/loan/due-dates'

const DEDUCT = 'DEDUCT#'

export const deductionPartition = (shard: number) => `${DEDUCT}${String(shard).padStart(2, '0')}`
/** the index attributes of a loan due on `dueDate` */
export const deductionIndex = (loanNo: string, dueDate: string) => ({
  gsi2pk: deductionPartition(deductionShard(loanNo)),
  gsi2sk: `${dueDate}#${loanNo}`,
  deductionDueDate: dueDate,
})
/** the highest sort key of loans due on or before `date` */
export const deductionUpTo = (date: string) => `${date}#~`

/** the first contract due date after China date `on` (null: none left) */
export function nextDueDateAfter(loan: LoanItem, on: string): string | null {
  return loan.status === 'settled' ? null : nextContractDueDate(loan, on)
}

/**
 * 按月抵扣签约/取消 approved: flips 是否按月委托提取 on the loan as read (its version) and puts it into
 * the deduction index from the first due date after the approval's China date, or takes it out.
 * The daily job reads the payment of that date from the current plan (services/loan.ts currentPlan).
 */
export function setMonthlyDeduction(loan: LoanItem, signed: boolean, at: string): Write<LoanChanged> {
  const due = signed ? nextDueDateAfter(loan, chinaDate(at)) : null
  const index = due ? deductionIndex(loan.loanNo, due) : null
  return {
    item: {
      Update: {
        TableName: table,
        Key: loanKey(loan.loanNo),
        UpdateExpression: index
          ? 'SET monthlyDeductionSigned = :s, version = :next, gsi2pk = :ipk, gsi2sk = :isk, deductionDueDate = :due'
          : 'SET monthlyDeductionSigned = :s, version = :next REMOVE gsi2pk, gsi2sk, deductionDueDate',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: {
          ':s': signed,
          ':v': loan.version,
          ':next': loan.version + 1,
          ...(index ? { ':ipk': index.gsi2pk, ':isk': index.gsi2sk, ':due': index.deductionDueDate } : {}),
        },
      },
    },
    onFailure: loanChanged,
  }
}
