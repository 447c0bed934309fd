import type { SchedulePeriod } from '@gjj/shared/loan/schedule'
import { describe, expect, test } from 'vitest'
import type { AccountItem } from '../repository/accounts'
import type { LoanItem } from '../repository/loans'
import { availableFromFund, periodDeduction } from './deduction-rules'

/** the rules of one loan's period on its due date, without DynamoDB */
const period = (n: number, dueDate: string, principalFen: number, interestFen: number): SchedulePeriod => ({
  period: n,
  dueDate,
  paymentFen: principalFen + interestFen,
  principalFen,
  interestFen,
  remainingPrincipalFen: 0,
  remainingPayableFen: 0,
})
const plan = [period(60, '2026-12-20', 175_409, 104_399), period(61, '2027-01-20', 175_862, 103_946)]
const loan = {
  loanNo: 'DK1',
  remainingPrincipalFen: 40_412_416,
  status: 'normal',
  monthlyDeductionSigned: true,
} as LoanItem
const account = (balanceFen: number, status = '01') => ({ accountNo: 'A1', balanceFen, status }) as AccountItem

describe('what the fund pays of the period due', () => {
  test.each([
    ['a balance that covers it', account(58_522_450), 'full', { interestFen: 104_399, principalFen: 175_409 }],
    [
      '1,000.00 元: all but 0.01 元, interest first',
      account(100_000),
      'partial',
      { interestFen: 99_999, principalFen: 0 },
    ],
    ['the payment and 0.01 元 exactly', account(279_809), 'full', { interestFen: 104_399, principalFen: 175_409 }],
    [
      'the payment exactly: 0.01 元 stays',
      account(279_808),
      'partial',
      { interestFen: 104_399, principalFen: 175_408 },
    ],
    ['0.01 元', account(1), 'noBalance', { interestFen: 0, principalFen: 0 }],
    ['a 封存 account', account(58_522_450, '02'), 'accountNotNormal', { interestFen: 0, principalFen: 0 }],
    ['no account', undefined, 'accountNotNormal', { interestFen: 0, principalFen: 0 }],
  ])('%s → %s', (_what, acc, outcome, fund) => {
    const d = periodDeduction(loan, acc, plan, '2026-12-20')
    expect(d).toMatchObject({ kind: 'book', outcome, period: 60, fund, nextDueDate: '2027-01-20' })
    if (d.kind !== 'book') throw new Error('booked')
    // fund and bank together pay the period exactly
    expect(d.fund.interestFen + d.bank.interestFen).toBe(104_399)
    expect(d.fund.principalFen + d.bank.principalFen).toBe(175_409)
    expect(d.remainingPrincipalFen).toBe(40_412_416 - 175_409)
  })

  test('the last period repays the loan and leaves no next due date', () => {
    const last = [period(240, '2041-12-20', 100_000, 258)]
    const d = periodDeduction({ ...loan, remainingPrincipalFen: 100_000 }, account(10_000_000), last, '2041-12-20')
    expect(d).toMatchObject({ kind: 'book', remainingPrincipalFen: 0, nextDueDate: null })
  })

  test('no period on the date moves to the next; not signed or settled leaves the index', () => {
    expect(periodDeduction(loan, account(1), plan, '2026-12-17')).toEqual({
      kind: 'move',
      nextDueDate: '2026-12-20',
      why: 'noPeriodThatDay',
    })
    expect(periodDeduction({ ...loan, monthlyDeductionSigned: false }, account(1), plan, '2026-12-20')).toEqual({
      kind: 'leave',
      why: 'notSigned',
    })
    expect(periodDeduction({ ...loan, status: 'settled' }, account(1), plan, '2026-12-20')).toEqual({
      kind: 'leave',
      why: 'settled',
    })
  })

  test('a plan that repays more than the remaining principal is refused', () => {
    expect(() => periodDeduction({ ...loan, remainingPrincipalFen: 100 }, account(1), plan, '2026-12-20')).toThrow(
      /more than the remaining principal/,
    )
  })

  test('only a 正常 account gives, and it keeps 0.01 元', () => {
    expect(availableFromFund(account(0))).toBe(0)
    expect(availableFromFund(account(1))).toBe(0)
    expect(availableFromFund(account(2))).toBe(1)
    expect(availableFromFund(account(500, '06'))).toBe(0)
  })
})
