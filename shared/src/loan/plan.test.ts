import { describe, expect, test } from 'vitest'
import { loanPlan } from './plan'
import { type LoanPosition, prepayQuote } from './prepay'
import { buildSchedule } from './schedule'

const contract = {
  method: 'equalInstallment' as const,
  annualRatePpm: 31_000,
  principalFen: 20_000_000,
  months: 120,
  firstDueDate: '2025-12-20',
}

describe('the plan across schedule versions', () => {
  test('without a version it is the contract schedule', () => {
    expect(loanPlan({ ...contract, schedules: [] })).toEqual(buildSchedule(contract, 'contract').periods)
  })

  test('a 提前还本 version replaces the periods from its first one with the plan quoted, numbered on', () => {
    const before = loanPlan({ ...contract, schedules: [] })
    const paid = 12
    const position: LoanPosition = {
      method: contract.method,
      annualRatePpm: contract.annualRatePpm,
      remainingPrincipalFen: before[paid - 1]?.remainingPrincipalFen as number,
      remainingMonths: contract.months - paid,
      lastDueDate: before[paid - 1]?.dueDate as string,
      dueDay: 20,
    }
    const quote = prepayQuote(position, 3_000_000, '2026-12-03')
    if (!quote.ok) throw new Error(quote.message)
    const option = quote.value.keepPayment
    const plan = loanPlan({
      ...contract,
      schedules: [
        {
          version: 2,
          fromPeriod: paid + 1,
          principalFen: quote.value.split.newPrincipalFen,
          months: option.months,
          firstDueDate: '2026-12-20',
          firstCreditFen: option.firstCreditFen,
          madeOn: '2026-12-03',
        },
      ],
    })
    expect(plan).toHaveLength(paid + option.months)
    expect(plan.slice(0, paid)).toEqual(before.slice(0, paid))
    expect(plan.map((p) => p.period)).toEqual(Array.from({ length: plan.length }, (_, i) => i + 1))
    // the periods after the prepayment are the quoted option's, to the fen
    expect(plan.slice(paid).map((p) => [p.dueDate, p.paymentFen, p.principalFen, p.interestFen])).toEqual(
      option.schedule.periods.map((p) => [p.dueDate, p.paymentFen, p.principalFen, p.interestFen]),
    )
    expect(plan.at(-1)?.dueDate).toBe(option.endDate)
    // principal: what was repaid, what the prepayment paid and the new plan add up to the loan
    const principal = plan.reduce((sum, p) => sum + p.principalFen, 0) + quote.value.split.principalFen
    expect(principal).toBe(contract.principalFen)
  })
})
