import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseYuan } from '../money'
import {
  buildCombinedSchedule,
  buildSchedule,
  combineSchedules,
  groupByYear,
  type LoanTerms,
  type RepaymentMethod,
  regularPaymentFen,
} from './schedule'

/*
 * Reference figures. Every one was recomputed independently with Python's decimal module at 60
 * significant digits, straight from the formulas in BUSINESS-RULES "Loan maths", with this script:
 *
 *   from decimal import Decimal as D, getcontext, ROUND_HALF_UP
 *   getcontext().prec = 60
 *   r2 = lambda x: x.quantize(D('0.01'), rounding=ROUND_HALF_UP)
 *   def schedule(P, rate, n, method, contract):        # rate in percent, e.g. '4.9'
 *       r = D(rate) / 100 / 12; P = D(P); R = P; rows = []
 *       g = (1 + r) ** n
 *       A = P * r * g / (g - 1) if method == 'ei' else P / n   # payment, or 等额本金 principal
 *       if contract: A = r2(A)
 *       for k in range(1, n + 1):
 *           I = r2(R * r) if contract else R * r
 *           pr = R if (contract and k == n) else (A - I if method == 'ei' else A)
 *           R -= pr; rows.append((pr + I, pr, I, R))
 *       return rows, sum(x[2] for x in rows)            # rounded with r2 for display
 *
 * Published figures that agree: 100万/30年/4.9% 等额本息 月供 5307.27, 总利息 910616.19;
 * 等额本金 首月 6861.11, 总利息 737041.67; 公积金 25万/30年/3.25% 等额本息 月供 1088.02.
 */

function yuan(text: string): number {
  const parsed = parseYuan(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.fen
}

interface Reference {
  principal: string
  ratePpm: number
  months: number
  method: RepaymentMethod
  first: [payment: string, principal: string, interest: string, remaining: string]
  last: [payment: string, principal: string, interest: string]
  totalInterest: string
  /** 剩余应还本息 after period 1 */
  payableAfterFirst: string
}

// calculator mode: exact maths, each figure rounded half-up for display
const calculatorReferences: Reference[] = [
  {
    principal: '1000000',
    ratePpm: 49_000,
    months: 360,
    method: 'equalInstallment',
    first: ['5307.27', '1223.93', '4083.33', '998776.07'],
    last: ['5307.27', '5285.68', '21.58'],
    totalInterest: '910616.19',
    payableAfterFirst: '1905308.93',
  },
  {
    principal: '1000000',
    ratePpm: 49_000,
    months: 360,
    method: 'equalPrincipal',
    first: ['6861.11', '2777.78', '4083.33', '997222.22'],
    last: ['2789.12', '2777.78', '11.34'],
    totalInterest: '737041.67',
    payableAfterFirst: '1730180.56',
  },
  {
    principal: '250000',
    ratePpm: 32_500,
    months: 360,
    method: 'equalInstallment',
    first: ['1088.02', '410.93', '677.08', '249589.07'],
    last: ['1088.02', '1085.08', '2.94'],
    totalInterest: '141685.69',
    payableAfterFirst: '390597.67',
  },
  {
    principal: '250000',
    ratePpm: 32_500,
    months: 360,
    method: 'equalPrincipal',
    first: ['1371.53', '694.44', '677.08', '249305.56'],
    last: ['696.33', '694.44', '1.88'],
    totalInterest: '122213.54',
    payableAfterFirst: '370842.01',
  },
  {
    principal: '600000',
    ratePpm: 26_000,
    months: 360,
    method: 'equalInstallment',
    first: ['2402.04', '1102.04', '1300.00', '598897.96'],
    last: ['2402.04', '2396.85', '5.19'],
    totalInterest: '264733.78',
    payableAfterFirst: '862331.74',
  },
  {
    principal: '600000',
    ratePpm: 26_000,
    months: 360,
    method: 'equalPrincipal',
    first: ['2966.67', '1666.67', '1300.00', '598333.33'],
    last: ['1670.28', '1666.67', '3.61'],
    totalInterest: '234650.00',
    payableAfterFirst: '831683.33',
  },
  {
    principal: '300000',
    ratePpm: 21_000,
    months: 60,
    method: 'equalInstallment',
    first: ['5271.46', '4746.46', '525.00', '295253.54'],
    last: ['5271.46', '5262.25', '9.21'],
    totalInterest: '16287.76',
    payableAfterFirst: '311016.29',
  },
]

// contract mode: every period rounded to the fen, remainder in the last period
const contractReferences: Reference[] = [
  {
    principal: '1000000',
    ratePpm: 49_000,
    months: 360,
    method: 'equalInstallment',
    first: ['5307.27', '1223.94', '4083.33', '998776.06'],
    last: ['5305.19', '5283.62', '21.57'],
    totalInterest: '910615.12',
    payableAfterFirst: '1905307.85',
  },
  {
    principal: '1000000',
    ratePpm: 49_000,
    months: 360,
    method: 'equalPrincipal',
    first: ['6861.11', '2777.78', '4083.33', '997222.22'],
    last: ['2788.32', '2776.98', '11.34'],
    totalInterest: '737041.08',
    payableAfterFirst: '1730179.97',
  },
  {
    principal: '250000',
    ratePpm: 32_500,
    months: 360,
    method: 'equalInstallment',
    first: ['1088.02', '410.94', '677.08', '249589.06'],
    last: ['1085.56', '1082.63', '2.93'],
    totalInterest: '141684.74',
    payableAfterFirst: '390596.72',
  },
  {
    principal: '250000',
    ratePpm: 32_500,
    months: 360,
    method: 'equalPrincipal',
    first: ['1371.52', '694.44', '677.08', '249305.56'],
    last: ['697.93', '696.04', '1.89'],
    totalInterest: '122214.33',
    payableAfterFirst: '370842.81',
  },
  {
    principal: '400000',
    ratePpm: 35_000,
    months: 360,
    method: 'equalInstallment',
    first: ['1796.18', '629.51', '1166.67', '399370.49'],
    last: ['1795.44', '1790.22', '5.22'],
    totalInterest: '246624.06',
    payableAfterFirst: '644827.88',
  },
  {
    principal: '300000',
    ratePpm: 21_000,
    months: 60,
    method: 'equalInstallment',
    first: ['5271.46', '4746.46', '525.00', '295253.54'],
    last: ['5271.60', '5262.39', '9.21'],
    totalInterest: '16287.74',
    payableAfterFirst: '311016.28',
  },
]

const label = (r: Reference) => `${r.principal} 元, ${r.ratePpm / 10_000}%, ${r.months} months, ${r.method}`

describe.each([
  ['calculator', calculatorReferences],
  ['contract', contractReferences],
] as const)('a %s schedule', (mode, references) => {
  test.each(references.map((r) => [label(r), r] as const))(
    'of %s matches the independently computed figures',
    (_, r) => {
      const schedule = buildSchedule(
        { principalFen: yuan(r.principal), annualRatePpm: r.ratePpm, months: r.months, method: r.method },
        mode,
      )
      const first = schedule.periods[0]
      const last = schedule.periods[r.months - 1]

      expect([first?.paymentFen, first?.principalFen, first?.interestFen, first?.remainingPrincipalFen]).toEqual(
        r.first.map(yuan),
      )
      expect([last?.paymentFen, last?.principalFen, last?.interestFen, last?.remainingPrincipalFen]).toEqual([
        ...r.last.map(yuan),
        0,
      ])
      expect(first?.remainingPayableFen).toBe(yuan(r.payableAfterFirst))
      expect(last?.remainingPayableFen).toBe(0)
      expect(schedule.totalInterestFen).toBe(yuan(r.totalInterest))
      expect(schedule.totalPaymentFen).toBe(yuan(r.principal) + yuan(r.totalInterest))
      expect(schedule.months).toBe(r.months)
    },
  )
})

describe('regularPaymentFen', () => {
  test.each([
    ...calculatorReferences.map((r) => ['calculator', r] as const),
    ...contractReferences.map((r) => ['contract', r] as const),
  ])('in %s mode equals the first payment of the schedule', (mode, r) => {
    const terms: LoanTerms = {
      principalFen: yuan(r.principal),
      annualRatePpm: r.ratePpm,
      months: r.months,
      method: r.method,
    }
    expect(regularPaymentFen(terms, mode)).toBe(yuan(r.first[0]))
  })
})

describe('a schedule', () => {
  test('carries due dates on the same day each month, clamped to month ends', () => {
    const schedule = buildSchedule(
      {
        principalFen: 1_200_000,
        annualRatePpm: 26_000,
        months: 4,
        method: 'equalPrincipal',
        firstDueDate: '2025-01-31',
      },
      'contract',
    )

    expect(schedule.periods.map((p) => p.dueDate)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30'])
  })

  test('at 0% repays the principal in equal parts without interest', () => {
    const schedule = buildSchedule(
      { principalFen: 1_000, annualRatePpm: 0, months: 3, method: 'equalInstallment' },
      'contract',
    )

    expect(schedule.periods.map((p) => p.principalFen)).toEqual([333, 333, 334])
    expect(schedule.totalInterestFen).toBe(0)
  })

  test('refuses terms that are not whole fen, months or ppm', () => {
    expect(() =>
      buildSchedule({ principalFen: 100.5, annualRatePpm: 26_000, months: 12, method: 'equalInstallment' }),
    ).toThrow(RangeError)
    expect(() =>
      buildSchedule({ principalFen: 100, annualRatePpm: 26_000, months: 0, method: 'equalInstallment' }),
    ).toThrow(RangeError)
    expect(() =>
      buildSchedule({ principalFen: 100, annualRatePpm: -1, months: 12, method: 'equalInstallment' }),
    ).toThrow(RangeError)
  })

  test('groups into years of 12 months for the calculator detail', () => {
    const schedule = buildSchedule({
      principalFen: 10_000_000,
      annualRatePpm: 26_000,
      months: 30,
      method: 'equalInstallment',
    })

    const years = groupByYear(schedule.periods)

    expect(years.map((y) => [y.year, y.periods.length])).toEqual([
      [1, 12],
      [2, 12],
      [3, 6],
    ])
  })
})

describe('组合贷款', () => {
  test('adds the fund part and the commercial part month by month', () => {
    // 60万 at 2.6% + 40万 at 3.5%, 30 years: 2402.04 + 1796.18 = 4198.22 a month (figures above)
    const combined = buildCombinedSchedule({
      fund: { principalFen: 60_000_000, annualRatePpm: 26_000, months: 360, method: 'equalInstallment' },
      commercial: { principalFen: 40_000_000, annualRatePpm: 35_000, months: 360, method: 'equalInstallment' },
    })

    expect(combined.periods[0]?.paymentFen).toBe(419_822)
    expect(combined.totalInterestFen).toBe(26_473_378 + 24_662_435)
    expect(combined.principalFen).toBe(100_000_000)
  })

  test('keeps paying the longer part after the shorter one ends', () => {
    const fund = buildSchedule({ principalFen: 1_200_000, annualRatePpm: 26_000, months: 12, method: 'equalPrincipal' })
    const commercial = buildSchedule({
      principalFen: 2_400_000,
      annualRatePpm: 35_000,
      months: 24,
      method: 'equalPrincipal',
    })

    const combined = combineSchedules(fund, commercial)

    expect(combined.months).toBe(24)
    expect(combined.periods[12]).toEqual(commercial.periods[12])
  })
})

// ---------------------------------------------------------------- properties of random loans

const loanTerms = fc.record({
  principalFen: fc.integer({ min: 100_000, max: 2_000_000_000 }), // 1,000 元 … 2,000 万元
  annualRatePpm: fc.integer({ min: 1_000, max: 120_000 }), // 0.1% … 12%
  months: fc.integer({ min: 1, max: 360 }),
  method: fc.constantFrom<RepaymentMethod>('equalInstallment', 'equalPrincipal'),
})

describe('for any loan', () => {
  test('the principal parts of a contract schedule add up to the principal exactly', () => {
    fc.assert(
      fc.property(loanTerms, (terms) => {
        const schedule = buildSchedule(terms, 'contract')
        expect(schedule.periods.reduce((sum, p) => sum + p.principalFen, 0)).toBe(terms.principalFen)
      }),
    )
  })

  test('every contract period pays principal plus interest and the remaining principal falls to 0', () => {
    fc.assert(
      fc.property(loanTerms, (terms) => {
        const { periods } = buildSchedule(terms, 'contract')
        let remaining = terms.principalFen
        for (const p of periods) {
          expect(p.paymentFen).toBe(p.principalFen + p.interestFen)
          remaining -= p.principalFen
          expect(p.remainingPrincipalFen).toBe(remaining)
          expect(p.principalFen).toBeGreaterThanOrEqual(0)
        }
        expect(periods.at(-1)?.remainingPrincipalFen).toBe(0)
      }),
    )
  })

  test('the remaining principal of a calculator schedule never rises and ends at 0', () => {
    fc.assert(
      fc.property(loanTerms, (terms) => {
        const { periods } = buildSchedule(terms, 'calculator')
        for (let i = 1; i < periods.length; i++) {
          expect(periods[i]?.remainingPrincipalFen).toBeLessThanOrEqual(periods[i - 1]?.remainingPrincipalFen as number)
        }
        expect(periods.at(-1)?.remainingPrincipalFen).toBe(0)
        expect(periods.at(-1)?.remainingPayableFen).toBe(0)
      }),
    )
  })

  test('the 等额本金 total interest equals its closed form P·r·(n+1)/2', () => {
    fc.assert(
      fc.property(loanTerms, ({ principalFen, annualRatePpm, months }) => {
        const schedule = buildSchedule({ principalFen, annualRatePpm, months, method: 'equalPrincipal' }, 'calculator')
        // P·(ppm/12,000,000)·(n+1)/2 rounded half-up, in exact integers
        const numerator = BigInt(principalFen) * BigInt(annualRatePpm) * BigInt(months + 1)
        const denominator = BigInt(24_000_000)
        const expected = Number((numerator * BigInt(2) + denominator) / (denominator * BigInt(2)))
        expect(schedule.totalInterestFen).toBe(expected)
      }),
    )
  })

  test('组合 equals the sum of its two parts in every month and in total', () => {
    fc.assert(
      fc.property(
        loanTerms,
        loanTerms,
        fc.constantFrom('calculator' as const, 'contract' as const),
        (fund, commercial, mode) => {
          const a = buildSchedule(fund, mode)
          const b = buildSchedule(commercial, mode)
          const combined = buildCombinedSchedule({ fund, commercial }, mode)
          expect(combined.totalPaymentFen).toBe(a.totalPaymentFen + b.totalPaymentFen)
          expect(combined.totalInterestFen).toBe(a.totalInterestFen + b.totalInterestFen)
          combined.periods.forEach((p, i) => {
            expect(p.paymentFen).toBe((a.periods[i]?.paymentFen ?? 0) + (b.periods[i]?.paymentFen ?? 0))
            expect(p.remainingPrincipalFen).toBe(
              (a.periods[i]?.remainingPrincipalFen ?? 0) + (b.periods[i]?.remainingPrincipalFen ?? 0),
            )
          })
        },
      ),
      { numRuns: 50 },
    )
  })
})
