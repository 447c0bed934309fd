import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, addMonths, daysBetween } from '../date'
import { checkSettleFundAmount, type LoanPosition, prepayQuote, settlementDue, splitPrepayment } from './prepay'
import { type RepaymentMethod, regularPaymentFen } from './schedule'

/*
 * Reference: 剩余本金 800,000 元, 3.1%, 等额本息, 240 months left, last due 2025-03-20, prepaying
 * 100,000 元 on 2025-04-09 (20 days). Recomputed independently with Python decimal (60 digits,
 * ROUND_HALF_UP), contract schedules as in schedule.test.ts:
 *   accrued = r2(800000 × 3.1% / 360 × 20) = 1377.78; principal = 98622.22; new principal 701377.78
 *   current plan: payment 4476.94, interest 274464.01
 *   keep term:    payment 3925.03, plan interest 240628.94, credit r2(701377.78 × 3.1%/360 × 20) = 1207.93
 *                 saved = 274464.01 − (1377.78 + 240628.94 − 1207.93) = 33665.22
 *   keep payment: fewest months with payment ≤ 4476.94 = 202 (payment 4460.93), saved 74563.26
 */
const position: LoanPosition = {
  method: 'equalInstallment',
  annualRatePpm: 31_000,
  remainingPrincipalFen: 80_000_000,
  remainingMonths: 240,
  lastDueDate: '2025-03-20',
}

describe('提前还本', () => {
  test('splits the amount into accrued interest and principal', () => {
    const split = splitPrepayment(position, 10_000_000, '2025-04-09')

    expect(split).toEqual({
      ok: true,
      value: {
        days: 20,
        interestFen: 137_778,
        amountFen: 10_000_000,
        principalFen: 9_862_222,
        newPrincipalFen: 70_137_778,
      },
    })
  })

  test('shows both choices side by side with new payment, end date and interest saved', () => {
    const quote = prepayQuote(position, 10_000_000, '2025-04-09')

    if (!quote.ok) throw new Error(quote.message)
    const { current, keepTerm, keepPayment } = quote.value
    expect([current.paymentFen, current.interestFen, current.endDate]).toEqual([447_694, 27_446_401, '2045-03-20'])
    expect([keepTerm.months, keepTerm.paymentFen, keepTerm.endDate, keepTerm.interestSavedFen]).toEqual([
      240,
      392_503,
      '2045-03-20',
      3_366_522,
    ])
    expect([keepPayment.months, keepPayment.paymentFen, keepPayment.endDate, keepPayment.interestSavedFen]).toEqual([
      202,
      446_093,
      '2042-01-20',
      7_456_326,
    ])
  })

  test('credits the first new installment with the interest already paid for those days', () => {
    const quote = prepayQuote(position, 10_000_000, '2025-04-09')

    if (!quote.ok) throw new Error(quote.message)
    const first = quote.value.keepTerm.schedule.periods[0]
    // 701377.78 × 3.1% / 12 = 1811.89 for the month, less 1207.93 already paid
    expect(first?.interestFen).toBe(181_189 - 120_793)
    expect(first?.paymentFen).toBe((first?.principalFen ?? 0) + (first?.interestFen ?? 0))
  })

  test.each([
    ['less than one monthly payment', 447_693, '提前还款金额不能少于一期月供 4,476.94 元'],
    ['enough to repay all principal', 80_137_778, '提前还款金额已足以还清剩余本金，请办理提前结清'],
  ])('refuses an amount %s', (_, amountFen, message) => {
    expect(splitPrepayment(position, amountFen, '2025-04-09')).toEqual({ ok: false, message })
  })

  test('accepts the largest amount that still leaves one fen of principal', () => {
    const split = splitPrepayment(position, 80_137_777, '2025-04-09')

    expect(split.ok && split.value.newPrincipalFen).toBe(1)
  })

  test.each([
    ['before the last due date', '2025-03-19', '还款日期不能早于上一还款日'],
    ['on the next due date', '2025-04-20', '本期月供已到期，请先归还本期月供再办理'],
  ])('refuses a date %s', (_, date, message) => {
    expect(splitPrepayment(position, 10_000_000, date)).toEqual({ ok: false, message })
  })

  test('keeps month-end due dates with dueDay', () => {
    const monthEnd: LoanPosition = { ...position, lastDueDate: '2025-02-28', dueDay: 31, remainingMonths: 2 }

    const quote = prepayQuote(monthEnd, 50_000_000, '2025-03-10')

    expect(quote.ok && quote.value.keepTerm.endDate).toBe('2025-04-30')
  })
})

describe('提前结清', () => {
  test('is the remaining principal plus interest since the last due date', () => {
    expect(settlementDue(position, '2025-04-09')).toEqual({
      ok: true,
      value: { days: 20, interestFen: 137_778, principalFen: 80_000_000, totalFen: 80_137_778 },
    })
  })

  test.each([
    [0, { ok: true, value: 0 }],
    [500_000, { ok: true, value: 500_000 }],
    [-1, { ok: false, message: '支取金额不能为负数' }],
    [600_001, { ok: false, message: '支取金额不能超过公积金账户余额 6,000.00 元' }],
  ])('checks a fund amount of %i fen against balance and amount due', (amountFen, expected) => {
    expect(checkSettleFundAmount(amountFen, { balanceFen: 600_000, dueFen: 5_000_000 })).toEqual(expected)
  })

  test('refuses a fund amount above the amount due', () => {
    expect(checkSettleFundAmount(5_000_001, { balanceFen: 9_000_000, dueFen: 5_000_000 })).toEqual({
      ok: false,
      message: '支取金额不能超过应还总额 50,000.00 元',
    })
  })
})

// ---------------------------------------------------------------- properties

const prepayment = fc
  .record({
    method: fc.constantFrom<RepaymentMethod>('equalInstallment', 'equalPrincipal'),
    annualRatePpm: fc.integer({ min: 1_000, max: 80_000 }),
    remainingPrincipalFen: fc.integer({ min: 1_000_000, max: 500_000_000 }),
    remainingMonths: fc.integer({ min: 2, max: 360 }),
    lastDueDate: fc.integer({ min: 0, max: 3_650 }).map((d) => addDays('2020-01-01', d)),
    dayInPeriod: fc.nat(),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    mode: fc.constantFrom('calculator' as const, 'contract' as const),
  })
  .map(({ dayInPeriod, share, mode, ...pos }) => {
    const periodDays = daysBetween(pos.lastDueDate, addMonths(pos.lastDueDate, 1))
    const date = addDays(pos.lastDueDate, dayInPeriod % periodDays)
    const days = daysBetween(pos.lastDueDate, date)
    const accrued = Number(
      (BigInt(pos.remainingPrincipalFen) * BigInt(pos.annualRatePpm) * BigInt(days)) / BigInt(360_000_000),
    )
    const min = regularPaymentFen(
      {
        principalFen: pos.remainingPrincipalFen,
        annualRatePpm: pos.annualRatePpm,
        months: pos.remainingMonths,
        method: pos.method,
      },
      mode,
    )
    const max = pos.remainingPrincipalFen + accrued - 1
    return { position: pos as LoanPosition, date, mode, amountFen: min + Math.floor(share * Math.max(0, max - min)) }
  })

describe('for any prepayment', () => {
  test('a 提前还本 never raises the total interest, whichever choice is taken', () => {
    fc.assert(
      fc.property(prepayment, ({ position: p, date, mode, amountFen }) => {
        const quote = prepayQuote(p, amountFen, date, mode)
        if (!quote.ok) return // amounts at the edges may be refused; the refusals are tested above
        expect(quote.value.keepTerm.interestSavedFen).toBeGreaterThanOrEqual(0)
        expect(quote.value.keepPayment.interestSavedFen).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 300 },
    )
  })

  test('keeping the term lowers the payment and keeping the payment shortens the term', () => {
    fc.assert(
      fc.property(prepayment, ({ position: p, date, mode, amountFen }) => {
        const quote = prepayQuote(p, amountFen, date, mode)
        if (!quote.ok) return
        const { current, keepTerm, keepPayment, split } = quote.value
        expect(split.interestFen + split.principalFen).toBe(amountFen)
        expect(keepTerm.months).toBe(p.remainingMonths)
        expect(keepTerm.paymentFen).toBeLessThanOrEqual(current.paymentFen)
        expect(keepPayment.months).toBeLessThanOrEqual(p.remainingMonths)
        expect(keepPayment.paymentFen).toBeLessThanOrEqual(current.paymentFen)
        expect(keepPayment.interestSavedFen).toBeGreaterThanOrEqual(keepTerm.interestSavedFen)
      }),
      { numRuns: 300 },
    )
  })
})
