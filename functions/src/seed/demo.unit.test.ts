import { depositEntrySchema } from '@gjj/shared/api/account'
import { repaymentRecordSchema } from '@gjj/shared/api/loan'
import { chinaToday } from '@gjj/shared/clock'
import { LOAN_DETAIL_TYPE, PERSONAL_DETAIL_TYPE } from '@gjj/shared/codes'
import { addMonths } from '@gjj/shared/date'
import { yearlySettlementInterest } from '@gjj/shared/loan/deposit-interest'
import { buildSchedule } from '@gjj/shared/loan/schedule'
import { describe, expect, test } from 'vitest'
import { coded } from '../lib/codes'
import { coveredWithdrawalFen, type DemoLoan, type DemoPerson, demoAccount, demoLoan, demoPeople } from './demo'

/**
 * The demo data obeys the fund's rules for every demo person and loan, on any seed date: entries
 * in date order and numbered in that order, balances that follow from the amounts and never go
 * below zero, no withdrawal over the balance of its day, one 年终结息 per year from shared's
 * settlement maths, and repayment records that add up to the principal repaid.
 */
const seedDates = [
  chinaToday(),
  '2026-12-02',
  '2026-07-01',
  '2026-06-30',
  '2025-01-31',
  '2024-02-29',
  '2021-03-20',
  '2019-09-10',
  '2019-09-11',
]

const monthOf = (date: string) => date.slice(0, 7)

function expectLedgerObeysTheRules(p: DemoPerson, today: string) {
  const { account, ledger } = demoAccount(p, today)

  // stored and numbered in date order
  expect(ledger.map((e) => e.id)).toEqual(ledger.map((_, i) => String(i + 1).padStart(5, '0')))
  const keys = ledger.map((e) => `${e.date}#${e.id}`)
  expect(keys).toEqual([...keys].sort())
  for (const e of ledger) {
    expect(e.date >= p.openedOn, `${e.date} before the opening ${p.openedOn}`).toBe(true)
    expect(e.date <= today, `${e.date} after the seed date`).toBe(true)
  }

  // running balances follow from the amounts, never below zero, and a withdrawal leaves ≥ 0.01 元
  let balance = 0
  for (const e of ledger) {
    balance += e.amountFen
    expect(e.balanceFen, `${e.id} ${e.date}`).toBe(balance)
    expect(balance, `${e.id} ${e.date}`).toBeGreaterThanOrEqual(0)
    if (e.type === '11') {
      expect(e.amountFen).toBeLessThan(0)
      expect(balance, `withdrawal ${e.date} over the balance of its day`).toBeGreaterThanOrEqual(1)
    }
    // what the API answers for it passes the contract
    expect(depositEntrySchema.safeParse({ ...e, type: coded(PERSONAL_DETAIL_TYPE, e.type) }).success).toBe(true)
  }
  expect(account.balanceFen).toBe(balance)

  // one deposit a month, from the first 15th on or after opening up to 缴至年月, none after 封存
  const deposits = ledger.filter((e) => e.type === '01')
  for (const [i, d] of deposits.entries()) {
    expect(d.amountFen).toBeGreaterThan(0)
    expect(d.month).toBe(monthOf(d.date))
    if (i > 0) expect(d.month).toBe(monthOf(addMonths(`${deposits[i - 1]?.month}-15`, 1)))
    if (account.sealedOn) expect(d.date < account.sealedOn).toBe(true)
    if (p.depositsEndMonth) expect((d.month as string) <= p.depositsEndMonth).toBe(true)
  }
  expect(deposits.at(-1)?.month ?? null).toBe(account.paidUpTo)
  expect(deposits.at(-1)?.amountFen ?? 0).toBe(
    deposits.length ? account.personalMonthlyFen + account.employerMonthlyFen : 0,
  )

  // 封存: status 02 and its entry on the day; a 正常 account is paid up to last month (decision 83)
  expect(account.status).toBe(account.sealedOn ? '02' : '01')
  if (account.status === '01') expect(account.paidUpTo).toBe(monthOf(addMonths(today, -1)))
  expect(ledger.filter((e) => e.type === '05').map((e) => e.date)).toEqual(account.sealedOn ? [account.sealedOn] : [])

  // 年终结息 every July 1 up to the seed date, recomputed from the ledger with shared's maths
  const settlements = ledger.filter((e) => e.type === '09')
  const expected: { date: string; amountFen: number }[] = []
  for (let year = Number(p.openedOn.slice(0, 4)); `${year}-07-01` <= today; year++) {
    const to = `${year}-06-30`
    if (to <= p.openedOn) continue
    const from = `${year - 1}-06-30`
    const upTo = ledger.filter((e) => e.date <= to)
    const interest = yearlySettlementInterest({
      year,
      openedOn: p.openedOn,
      balanceFen: upTo.at(-1)?.balanceFen ?? 0,
      changes: upTo
        .filter((e) => e.date > from && e.type !== '09')
        .map((e) => ({ date: e.date, amountFen: e.amountFen })),
    })
    if (interest.interestFen > 0) expected.push({ date: `${year}-07-01`, amountFen: interest.interestFen })
  }
  expect(settlements.map((e) => ({ date: e.date, amountFen: e.amountFen }))).toEqual(expected)
  return { account, ledger }
}

function expectLoanObeysTheRules(p: DemoPerson, l: DemoLoan, today: string) {
  const { loan, repayments, overdue } = demoLoan(p, l, today)
  const schedule = buildSchedule(
    {
      principalFen: l.principalFen,
      annualRatePpm: l.annualRatePpm,
      months: l.months,
      method: l.method === '01' ? 'equalInstallment' : 'equalPrincipal',
      firstDueDate: loan.firstDueDate,
    },
    'contract',
  ).periods
  const due = schedule.filter((s) => (s.dueDate as string) < today)

  // every due period is either repaid once or overdue, nothing else
  const repaid = repayments.map((r) => r.period)
  const unpaid = overdue.map((o) => o.period)
  expect([...repaid, ...unpaid].sort((a, b) => (a as number) - (b as number))).toEqual(due.map((s) => s.period))
  expect(new Set(repayments.map((r) => r.id)).size).toBe(repayments.length)

  // in date order, each as the schedule says, on its due date or late with 罚息
  const keys = repayments.map((r) => `${r.date}#${r.id}`)
  expect(keys).toEqual([...keys].sort())
  let remaining = l.principalFen
  for (const r of repayments) {
    const s = schedule[(r.period as number) - 1]
    expect(r.principalFen).toBe(s?.principalFen)
    expect(r.interestFen).toBe(s?.interestFen)
    expect(r.date >= (s?.dueDate as string) && r.date < today).toBe(true)
    expect(r.type).toBe(r.date === s?.dueDate ? '02' : '04')
    expect(r.penaltyFen > 0).toBe(r.type === '04')
    remaining -= r.principalFen
    expect(r.remainingPrincipalFen).toBe(remaining)
    const presented = {
      ...r,
      type: coded(LOAN_DETAIL_TYPE, r.type),
      totalFen: r.principalFen + r.interestFen + r.penaltyFen,
    }
    expect(repaymentRecordSchema.safeParse(presented).success).toBe(true)
  }

  // the records add up to the principal repaid
  const principalRepaid = repayments.reduce((sum, r) => sum + r.principalFen, 0)
  expect(loan.remainingPrincipalFen).toBe(l.principalFen - principalRepaid)
  expect(loan.remainingPrincipalFen).toBe(remaining)
  expect(loan.paidMonths).toBe(repayments.length)
  expect(loan.status).toBe(overdue.length ? 'overdue' : 'normal')
  expect(loan.lastDueDate).toBe(due.at(-1)?.dueDate ?? loan.disbursedOn)
  for (const o of overdue) {
    const s = schedule[o.period - 1]
    expect([o.dueDate, o.principalFen, o.interestFen]).toEqual([s?.dueDate, s?.principalFen, s?.interestFen])
  }
}

describe.each(seedDates)('demo data seeded on %s', (today) => {
  test.each(demoPeople.map((p) => [p.name, p] as const))('%s: the ledger obeys the fund’s rules', (_name, p) => {
    expectLedgerObeysTheRules(p, today)
  })

  test('张建国 (retired 2021): 退休封存 after last year’s online withdrawal, 缴至 the retirement month', () => {
    const zhang = demoPeople.find((p) => p.name === '张建国') as DemoPerson
    const { account, ledger } = demoAccount(zhang, today)
    const lastYear = Number(today.slice(0, 4)) - 1
    expect(account.status).toBe('02')
    expect(account.sealedOn).toBe(`${lastYear}-10-08`)
    expect(ledger.find((e) => e.type === '05')?.summary).toBe('退休封存')
    // the withdrawal was made while the account was still 正常 (partial withdrawals need it)
    const withdrawal = ledger.find((e) => e.summary === '物业管理费提取')
    expect(withdrawal?.date).toBe(`${lastYear}-09-18`)
    expect((withdrawal?.date as string) < (account.sealedOn as string)).toBe(true)
    // sealed after his retirement month (seeded from 2022 on): deposits end with March 2021
    if ((account.sealedOn as string) > '2021-04') expect(account.paidUpTo).toBe('2021-03')
  })

  test.each(demoPeople.filter((p) => p.loan).map((p) => [p.name, p] as const))(
    '%s: the loan’s repayment records add up to the principal repaid',
    (_name, p) => {
      expectLoanObeysTheRules(p, p.loan as DemoLoan, today)
    },
  )
})

describe('the generator, for any person', () => {
  const base = demoPeople[3] as DemoPerson

  test('caps a past withdrawal to what the balance of its day covers, leaving 0.01 元', () => {
    const p: DemoPerson = {
      ...base,
      pastWithdrawals: [{ date: '2019-09-10', amountFen: 15_000_000, summary: '购买住房提取' }],
    }
    const { ledger } = expectLedgerObeysTheRules(p, '2026-12-02')
    const w = ledger.find((e) => e.type === '11')
    const before = (w?.balanceFen as number) - (w?.amountFen as number)
    expect(before).toBeLessThan(15_000_000)
    expect(w?.amountFen).toBe(-coveredWithdrawalFen(15_000_000, before))
    expect(w?.balanceFen).toBeGreaterThanOrEqual(1)
    expect(w?.balanceFen).toBeLessThanOrEqual(100)
  })

  test('numbers a withdrawal before a later deposit of the same month', () => {
    const { ledger } = demoAccount(base, '2026-12-02')
    const september = ledger.filter((e) => e.date.startsWith('2019-09'))
    expect(september.map((e) => [e.date, e.type])).toEqual([
      ['2019-09-10', '11'],
      ['2019-09-15', '01'],
    ])
  })

  test('lets a withdrawal use the deposit of its own day, and drops one the balance cannot cover at all', () => {
    const p: DemoPerson = {
      ...base,
      sealedMonthsAgo: undefined,
      openedOn: '2024-01-15',
      pastWithdrawals: [
        { date: '2024-01-15', amountFen: 1_000_000, summary: '购买住房提取' },
        { date: '2024-02-15', amountFen: 1_000_000, summary: '购买住房提取' },
      ],
    }
    const { ledger } = expectLedgerObeysTheRules(p, '2024-06-01')
    expect(ledger.slice(0, 4).map((e) => [e.date, e.type, e.amountFen, e.balanceFen])).toEqual([
      ['2024-01-15', '01', 144_000, 144_000],
      ['2024-01-15', '11', -143_900, 100],
      ['2024-02-15', '01', 144_000, 144_100],
      ['2024-02-15', '11', -144_000, 100],
    ])
    // opened on the 10th, the first deposit comes on the 15th: nothing to take on the 10th
    const q: DemoPerson = {
      ...p,
      openedOn: '2024-01-10',
      pastWithdrawals: [{ date: '2024-01-10', amountFen: 1_000_000, summary: '购买住房提取' }],
    }
    const { ledger: qLedger } = expectLedgerObeysTheRules(q, '2024-06-01')
    expect(qLedger.some((e) => e.type === '11')).toBe(false)
  })

  test.each([
    [100_00, 500_00, 100_00],
    [499_99, 500_00, 499_99],
    [500_00, 500_00, 499_00],
    [900_00, 500_00, 499_00],
    [900_00, 1_00, 0],
    [900_00, 0, 0],
  ])('a withdrawal of %i fen from a balance of %i fen takes %i fen', (wanted, balance, taken) => {
    expect(coveredWithdrawalFen(wanted, balance)).toBe(taken)
  })

  test('a late repayment whose day has not come yet is still overdue', () => {
    const wang = demoPeople[0] as DemoPerson
    const l = { ...(wang.loan as DemoLoan), lastPeriodOverdue: false, latePaidPeriod: 49 }
    // disbursed 50 months ago, period 49 fell due on 2026-11-20; 12 days late is 2026-12-02
    const { repayments, overdue, loan } = demoLoan(wang, l, '2026-12-01')
    expect(overdue.map((o) => o.period)).toEqual([49])
    expect(repayments.some((r) => r.period === 49)).toBe(false)
    expect(loan.status).toBe('overdue')
    expectLoanObeysTheRules(wang, l, '2026-12-01')
  })
})
