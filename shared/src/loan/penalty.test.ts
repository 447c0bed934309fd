import { describe, expect, test } from 'vitest'
import { overdueDays, penaltyFen } from './penalty'

describe('罚息 on an overdue installment', () => {
  // by hand: 1,000.00 元 × 3.1% × 1.5 / 360 × 10 days = 1.2916… 元 → 1.29 元
  test.each([
    { principalFen: 100_000, ratePpm: 31_000, days: 10, expected: 129 },
    // 1,234.56 元 × 2.85% × 1.5 / 360 × 31 = 4.5446… 元 → 4.54 元
    { principalFen: 123_456, ratePpm: 28_500, days: 31, expected: 454 },
    { principalFen: 100_000, ratePpm: 31_000, days: 0, expected: 0 },
  ])(
    '$principalFen fen at $ratePpm ppm for $days days is $expected fen',
    ({ principalFen, ratePpm, days, expected }) => {
      expect(penaltyFen(principalFen, ratePpm, days)).toBe(expected)
    },
  )

  test('days are counted from the due date and never negative', () => {
    expect(overdueDays('2026-10-20', '2026-11-29')).toBe(40)
    expect(overdueDays('2026-12-20', '2026-11-29')).toBe(0)
  })
})
