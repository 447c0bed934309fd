import { buildSchedule, type LoanTerms } from '@gjj/shared/loan/schedule'
import { describe, expect, test } from 'vitest'
import { labelledYear, yearBars } from './year-bars'

const loan = (method: LoanTerms['method'], months = 360): LoanTerms => ({
  principalFen: 25_000_000,
  annualRatePpm: 31_000,
  months,
  method,
})

describe('the yearly bars of the chart', () => {
  test.each(['equalInstallment', 'equalPrincipal'] as const)(
    '%s: one bar per year whose parts add up to the schedule',
    (method) => {
      const schedule = buildSchedule(loan(method), 'calculator')
      const bars = yearBars(schedule)
      expect(bars).toHaveLength(30)
      const sum = (pick: (p: (typeof schedule.periods)[number]) => number, from: number, to: number) =>
        schedule.periods.slice(from, to).reduce((s, p) => s + pick(p), 0)
      expect(bars[0]?.principalFen).toBe(sum((p) => p.principalFen, 0, 12))
      expect(bars[0]?.interestFen).toBe(sum((p) => p.interestFen, 0, 12))
      expect(bars[0]?.remainingPrincipalFen).toBe(schedule.periods[11]?.remainingPrincipalFen)
      expect(bars[29]?.remainingPrincipalFen).toBe(0)
      expect(bars.reduce((s, b) => s + b.principalFen, 0)).toBe(sum((p) => p.principalFen, 0, 360))
    },
  )

  test('the highest yearly payment fills the chart and no stack goes past it', () => {
    for (const method of ['equalInstallment', 'equalPrincipal'] as const) {
      const bars = yearBars(buildSchedule(loan(method), 'calculator'))
      const stacks = bars.map((b) => Math.round((b.principalPct + b.interestPct) * 10) / 10)
      expect(Math.max(...stacks)).toBe(100)
      expect(stacks.every((h) => h <= 100)).toBe(true)
    }
  })

  test('等额本息: principal grows and interest shrinks year by year; the remaining principal falls', () => {
    const bars = yearBars(buildSchedule(loan('equalInstallment'), 'calculator'))
    for (let i = 1; i < bars.length; i++) {
      const [before, now] = [bars[i - 1], bars[i]]
      expect(now?.principalFen).toBeGreaterThan(before?.principalFen ?? 0)
      expect(now?.interestFen).toBeLessThan(before?.interestFen ?? 0)
      expect(now?.remainingPct).toBeLessThanOrEqual(before?.remainingPct ?? 0)
    }
  })

  test('a one-year loan is one bar', () => {
    const bars = yearBars(buildSchedule(loan('equalPrincipal', 12), 'calculator'))
    expect(bars).toHaveLength(1)
    expect(bars[0]?.remainingPct).toBe(0)
  })
})

describe('the year labels', () => {
  test('up to 10 years every year is labelled', () => {
    expect([1, 2, 3].map((y) => labelledYear(y, 3))).toEqual([true, true, true])
  })

  test('30 years: the first, every fifth and the last', () => {
    const labelled = Array.from({ length: 30 }, (_, i) => i + 1).filter((y) => labelledYear(y, 30))
    expect(labelled).toEqual([1, 5, 10, 15, 20, 25, 30])
  })

  test('a fifth year right before the last is left out so the labels do not collide', () => {
    const labelled = Array.from({ length: 21 }, (_, i) => i + 1).filter((y) => labelledYear(y, 21))
    expect(labelled).toEqual([1, 5, 10, 15, 21])
  })
})
