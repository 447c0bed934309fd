import { describe, expect, test } from 'vitest'
import { closingInterest, lastSettlementDay, yearlySettlementInterest } from './deposit-interest'

describe('销户利息', () => {
  test('reproduces the manual: balance 262.37 元 gives 0.24 元 interest', () => {
    // The manual's screen (终止劳动关系提取, 2018): 262.37 + 0.24 = 262.61 元. A sealed account with
    // that balance since the 2018 settlement, closed 22 days after June 30:
    // 26237 fen × 22 days × 1.5% / 360 = 24.05 fen → 24 fen (21 days would give 22.96 → 23 fen).
    const interest = closingInterest({ openedOn: '2012-03-01', balanceFen: 26_237, closingDate: '2018-07-22' })

    expect(interest).toEqual({
      from: '2018-06-30',
      to: '2018-07-22',
      days: 22,
      balanceDaysFen: 577_214,
      interestFen: 24,
    })
    expect(26_237 + interest.interestFen).toBe(26_261)
  })

  test('counts from the opening date when the account is younger than the last June 30', () => {
    // opened 2025-08-01 with a 10,000 元 deposit, closed 2025-09-01: 31 days
    // 1,000,000 × 31 × 1.5% / 360 = 1291.67 → 1292 fen
    const interest = closingInterest({ openedOn: '2025-08-01', balanceFen: 1_000_000, closingDate: '2025-09-01' })

    expect([interest.from, interest.days, interest.interestFen]).toEqual(['2025-08-01', 31, 1_292])
  })

  test('weights each balance by the days it was held', () => {
    // 5,000 元 from 2025-06-30; +1,000 元 on 2025-07-15; −500 元 on 2025-08-01; closed 2025-08-31
    // Σ = 500000×15 + 600000×17 + 550000×30 = 7,500,000 + 10,200,000 + 16,500,000 = 34,200,000
    // interest = 34,200,000 × 1.5% / 360 = 1425 fen exactly
    const interest = closingInterest({
      openedOn: '2010-01-01',
      balanceFen: 550_000,
      closingDate: '2025-08-31',
      changes: [
        { date: '2025-07-15', amountFen: 100_000 },
        { date: '2025-08-01', amountFen: -50_000 },
        { date: '2025-06-30', amountFen: 999_999 }, // on the period start: already in the opening balance
      ],
    })

    expect([interest.balanceDaysFen, interest.interestFen]).toEqual([34_200_000, 1_425])
  })

  test('refuses a change after the closing date', () => {
    expect(() =>
      closingInterest({
        openedOn: '2010-01-01',
        balanceFen: 1,
        closingDate: '2025-08-31',
        changes: [{ date: '2025-09-01', amountFen: 1 }],
      }),
    ).toThrow(RangeError)
  })

  test.each([
    ['2025-07-01', '2025-06-30'],
    ['2025-06-30', '2024-06-30'],
    ['2025-01-15', '2024-06-30'],
    ['2025-12-31', '2025-06-30'],
  ])('on %s the last settled June 30 is %s', (date, june30) => {
    expect(lastSettlementDay(date)).toBe(june30)
  })
})

describe('年终结息', () => {
  test('covers the year ending June 30', () => {
    // 10,000 元 all year: 1,000,000 × 365 × 1.5% / 360 = 15208.33 → 15208 fen
    expect(yearlySettlementInterest({ openedOn: '2015-01-01', balanceFen: 1_000_000, year: 2025 })).toEqual({
      from: '2024-06-30',
      to: '2025-06-30',
      days: 365,
      balanceDaysFen: 365_000_000,
      interestFen: 15_208,
    })
  })

  test('counts a leap day and monthly deposits', () => {
    // 2,000 元 on 2023-06-30, +1,000 元 on 2024-01-15 (167 days before 2024-06-30) in a 366-day year
    // Σ = 300000 × 366 − 100000 × 199 = 109,800,000 − 19,900,000 = 89,900,000
    // interest = 89,900,000 × 1.5% / 360 = 3745.83 → 3746 fen
    const interest = yearlySettlementInterest({
      openedOn: '2020-01-01',
      balanceFen: 300_000,
      year: 2024,
      changes: [{ date: '2024-01-15', amountFen: 100_000 }],
    })

    expect([interest.days, interest.balanceDaysFen, interest.interestFen]).toEqual([366, 89_900_000, 3_746])
  })
})
