import type { annualFiguresSchema } from '@gjj/shared/api/documents'
import type * as z from 'zod/mini'
import { NotFound } from '../lib/errors'
import * as accounts from '../repository/accounts'
import * as loans from '../repository/loans'
import type { DepositorSession } from '../repository/sessions'

/**
 * 年度账单 (公积金账户查询 → 年度账单): a China calendar year of the caller's own account, from the
 * ledger (业务明细) and the loan's repayment records read through the repository functions.
 * Ledger dates are China dates (the fund's own booking dates).
 */
type Figures = z.input<typeof annualFiguresSchema>

const DEPOSIT = new Set(['01', '02'])
const WITHDRAWAL = new Set(['11', '12'])
const INTEREST = '09'

async function ledgerOfYear(accountNo: string, year: number): Promise<accounts.LedgerEntry[]> {
  const entries: accounts.LedgerEntry[] = []
  let cursor: string | undefined
  do {
    const page = await accounts.listLedger(accountNo, { limit: 100, year, ...(cursor ? { cursor } : {}) })
    entries.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  // the ledger pages newest first (by date, then id); oldest first for balances
  return entries.reverse()
}

async function repaymentsOf(loanNo: string | null): Promise<loans.RepaymentItem[]> {
  if (!loanNo) return []
  const all: loans.RepaymentItem[] = []
  let cursor: string | undefined
  do {
    const page = await loans.listRepayments(loanNo, { limit: 100, ...(cursor ? { cursor } : {}) })
    all.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return all
}

/** the balance before the year's first entry: from the year's own entries, else the latest earlier year's */
async function balanceBefore(accountNo: string, year: number, entries: accounts.LedgerEntry[], floorYear: number) {
  const first = entries[0]
  if (first) return first.balanceFen - first.amountFen
  for (let y = year - 1; y >= floorYear; y--) {
    const page = await accounts.listLedger(accountNo, { limit: 1, year: y })
    const latest = page.items[0]
    if (latest) return latest.balanceFen
  }
  return 0
}

async function figuresOf(
  accountNo: string,
  year: number,
  repayments: loans.RepaymentItem[],
  floorYear: number,
): Promise<{ figures: Figures; entries: accounts.LedgerEntry[] }> {
  const entries = await ledgerOfYear(accountNo, year)
  const openingBalanceFen = await balanceBefore(accountNo, year, entries, floorYear)
  const sum = (pick: (e: accounts.LedgerEntry) => boolean) =>
    entries.filter(pick).reduce((s, e) => s + Math.abs(e.amountFen), 0)
  const inYear = repayments.filter((r) => r.date.startsWith(`${year}-`))
  return {
    entries,
    figures: {
      year,
      openingBalanceFen,
      closingBalanceFen: entries.at(-1)?.balanceFen ?? openingBalanceFen,
      depositFen: sum((e) => DEPOSIT.has(e.type)),
      interestFen: sum((e) => e.type === INTEREST),
      withdrawalFen: sum((e) => WITHDRAWAL.has(e.type)),
      loanRepaymentFen: inYear.reduce((s, r) => s + r.principalFen + r.interestFen + r.penaltyFen, 0),
    },
  }
}

export async function annualStatement(session: DepositorSession, { year }: { year: number }) {
  const account = await accounts.getAccount(session.accountNo)
  if (!account || account.depositorId !== session.depositorId) throw new NotFound('未查询到您的公积金账户')
  const floorYear = Number(account.openedOn.slice(0, 4))
  const repayments = await repaymentsOf(session.loanNo)
  const [current, previous] = await Promise.all([
    figuresOf(session.accountNo, year, repayments, floorYear),
    year - 1 >= floorYear ? figuresOf(session.accountNo, year - 1, repayments, floorYear) : undefined,
  ])
  const months = Array.from({ length: 12 }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0')
    const depositFen = current.entries
      .filter((e) => DEPOSIT.has(e.type) && e.date.slice(5, 7) === mm)
      .reduce((s, e) => s + e.amountFen, 0)
    return { month: i + 1, depositFen }
  })
  const interestEntry = current.entries.find((e) => e.type === INTEREST)
  return {
    ...current.figures,
    months,
    interestSettledOn: interestEntry?.date ?? null,
    previous: previous?.figures ?? null,
  }
}
