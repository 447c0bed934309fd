import { LOAN_DETAIL_TYPE } from '@gjj/shared/codes'
import { nowIso } from '../lib/clock'
import { log } from '../lib/log'
import { newId } from '../lib/tokens'
import type { AccountItem } from '../repository/accounts'
import type { AuditEntry } from '../repository/audit'
import { accountsOf, bookPeriod, dueLoans, type PeriodBooking, skipPeriod } from '../repository/deduction'
import { DEDUCTION_SHARDS, type LoanItem, type RepaymentItem } from '../repository/loans'
import { type Deduction, periodDeduction } from './deduction-rules'
import { currentPlan } from './loan'

/**
 * The daily 按月委托提取 (issue 12, item 6; decisions 58–60): for each shard of the deduction index,
 * the signed loans due on or before the run's China date, page by page, each booked in one
 * transaction (deduction-rules.ts says what). A booked period leaves the date's range of the index
 * (its next due date is later), so a run that stops — a deadline, a crash, a fault — leaves exactly
 * the loans not yet booked, and the next run finds them again. The cursor handed to the next
 * invocation only skips loans this run already tried and left (a failure), so one bad loan cannot
 * hold up the shard; the next day's run tries it again.
 */
export interface DeductionTask {
  /** the run's China date: loans due on or before it are booked */
  date: string
  shard: number
  /** where the previous invocation of this run stopped */
  cursor?: string | null
}

export interface DeductionOptions {
  /** loans per Query page (DynamoDB Limit) */
  pageSize?: number
  /** transactions in flight at once within a page */
  concurrency?: number
  /** asked after each page: stop here and hand the rest to the next invocation */
  shouldStop?: () => boolean
}

export type LoanOutcome =
  | 'full'
  | 'partial'
  | 'noBalance'
  | 'accountNotNormal'
  /** no period on the day (plan changed): moved to the next due date */
  | 'moved'
  /** no longer signed or settled: taken out of the index */
  | 'left'
  /** another run booked it first */
  | 'alreadyBooked'
  /** not booked (a fault, a conflict, or lost races three times): still due, the next run tries again */
  | 'failed'

export type Counts = Record<LoanOutcome, number>

export interface ShardResult {
  date: string
  shard: number
  pages: number
  counts: Counts
  /** the rest of this shard's run, for the next invocation; null when the shard is done */
  next: DeductionTask | null
}

export const PAGE_SIZE = 100
export const CONCURRENCY = 8
const ROUNDS = 3
export const AUDIT_ACTOR = 'SYSTEM#monthlyDeduction'
export const AUDIT_ACTION = 'loan.monthlyDeduction'

export const emptyCounts = (): Counts => ({
  full: 0,
  partial: 0,
  noBalance: 0,
  accountNotNormal: 0,
  moved: 0,
  left: 0,
  alreadyBooked: 0,
  failed: 0,
})

export const allShards = () => Array.from({ length: DEDUCTION_SHARDS }, (_, i) => i)

/** one invocation's share of a shard: pages until the shard is done or `shouldStop` says so */
export async function deductShard(task: DeductionTask, opts: DeductionOptions = {}): Promise<ShardResult> {
  const counts = emptyCounts()
  const pageSize = opts.pageSize ?? PAGE_SIZE
  let cursor = task.cursor ?? null
  let pages = 0
  for (;;) {
    const page = await dueLoans(task.shard, task.date, { limit: pageSize, cursor })
    pages++
    if (page.loans.length) {
      const accounts = await accountsOf(page.loans.map((l) => l.accountNo))
      await inPool(page.loans, opts.concurrency ?? CONCURRENCY, async (loan) => {
        const outcome = await deductLoan(loan, accounts.get(loan.accountNo), task.date).catch((error: unknown) => {
          log.error('monthly deduction failed for a loan; the next run tries again', {
            loanNo: loan.loanNo,
            error: error as Error,
          })
          return 'failed' as const
        })
        counts[outcome]++
      })
    }
    cursor = page.nextCursor
    if (!cursor) return { date: task.date, shard: task.shard, pages, counts, next: null }
    if (opts.shouldStop?.()) return { date: task.date, shard: task.shard, pages, counts, next: { ...task, cursor } }
  }
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
}

/** books the loan's period due on its index date (on or before the run's date), re-reading after a lost race */
async function deductLoan(first: LoanItem, firstAccount: AccountItem | undefined, on: string): Promise<LoanOutcome> {
  let loan = first
  let account = firstAccount
  const dueDate = loan.deductionDueDate
  if (!dueDate) return 'alreadyBooked'
  for (let round = 0; round < ROUNDS; round++) {
    const deduction = periodDeduction(loan, account, currentPlan(loan), dueDate)
    const at = nowIso()
    const audit = auditOf(loan, deduction, dueDate, on, at, account)
    const outcome =
      deduction.kind === 'book'
        ? await bookPeriod(booking(loan, account, deduction, dueDate, on, audit))
        : await skipPeriod({
            loan,
            dueDate,
            nextDueDate: deduction.kind === 'move' ? deduction.nextDueDate : null,
            audit,
          })
    if (outcome.ok) return deduction.kind === 'book' ? deduction.outcome : deduction.kind === 'move' ? 'moved' : 'left'
    if (outcome.reason === 'alreadyBooked') return 'alreadyBooked'
    if (outcome.reason === 'loanChanged') {
      if (!outcome.loan) return 'left'
      loan = outcome.loan
    } else {
      account = outcome.account
    }
  }
  return 'failed'
}

function booking(
  loan: LoanItem,
  account: AccountItem | undefined,
  d: Extract<Deduction, { kind: 'book' }>,
  dueDate: string,
  on: string,
  audit: AuditEntry,
): PeriodBooking {
  const fundFen = d.fund.principalFen + d.fund.interestFen
  const bankFen = d.bank.principalFen + d.bank.interestFen
  const afterFund = loan.remainingPrincipalFen - d.fund.principalFen
  const period = String(d.period).padStart(3, '0')
  const record = (id: string, type: string, part: typeof d.fund, remaining: number, source: 'fund' | 'bank') =>
    ({
      id,
      date: dueDate,
      period: d.period,
      type,
      principalFen: part.principalFen,
      interestFen: part.interestFen,
      penaltyFen: 0,
      remainingPrincipalFen: remaining,
      source,
    }) satisfies RepaymentItem
  const repayments: RepaymentItem[] = [
    // ids in booking order, so the records oldest first run down the remaining principal
    ...(fundFen > 0 ? [record(`${period}-1`, '05', d.fund, afterFund, 'fund')] : []),
    ...(bankFen > 0 ? [record(`${period}-2`, '02', d.bank, d.remainingPrincipalFen, 'bank')] : []),
  ]
  return {
    loan,
    dueDate,
    remainingPrincipalFen: d.remainingPrincipalFen,
    paidMonths: loan.paidMonths + 1,
    nextDueDate: d.nextDueDate,
    settled: d.nextDueDate === null && d.remainingPrincipalFen === 0,
    fund:
      account && fundFen > 0
        ? {
            account,
            amountFen: fundFen,
            ledger: {
              id: newId('D'),
              date: on,
              type: '11',
              amountFen: -fundFen,
              balanceFen: account.balanceFen - fundFen,
              month: null,
              summary: `按月委托提取还贷（${LOAN_DETAIL_TYPE['05']}，第${d.period}期）`,
            },
          }
        : null,
    repayments,
    audit,
  }
}

function auditOf(
  loan: LoanItem,
  d: Deduction,
  dueDate: string,
  on: string,
  at: string,
  account: AccountItem | undefined,
): AuditEntry {
  const detail =
    d.kind === 'book'
      ? {
          outcome: d.outcome,
          period: d.period,
          paymentFen: d.paymentFen,
          fundFen: d.fund.principalFen + d.fund.interestFen,
          bankFen: d.bank.principalFen + d.bank.interestFen,
          accountNo: loan.accountNo,
          accountStatus: account?.status ?? null,
        }
      : {
          outcome: d.kind === 'move' ? 'moved' : 'left',
          why: d.why,
          nextDueDate: d.kind === 'move' ? d.nextDueDate : null,
        }
  return {
    at,
    id: newId('A'),
    actor: AUDIT_ACTOR,
    action: AUDIT_ACTION,
    target: `LOAN#${loan.loanNo}`,
    detail: { runDate: on, dueDate, ...detail },
  }
}

/**
 * A whole run for `date` in this process, shard after shard, each invocation handing its `next` to
 * the following one exactly as the deployed job does through Lambda (jobs/monthly-deduction.ts):
 * `npm run deduct` and the tests run it this way.
 */
export async function deductDate(
  date: string,
  opts: DeductionOptions & { shards?: number[] } = {},
): Promise<{ counts: Counts; invocations: number; pages: number }> {
  const counts = emptyCounts()
  let invocations = 0
  let pages = 0
  for (const shard of opts.shards ?? allShards()) {
    let task: DeductionTask | null = { date, shard }
    while (task) {
      const result: ShardResult = await deductShard(task, opts)
      invocations++
      pages += result.pages
      for (const [k, n] of Object.entries(result.counts)) counts[k as LoanOutcome] += n
      task = result.next
    }
  }
  return { counts, invocations, pages }
}
