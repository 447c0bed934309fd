import { describe, expect, test } from 'vitest'
import { nextDueDateAfter } from './due-dates'

describe('the next due date after a China date', () => {
  const loan = { firstDueDate: '2025-01-31', months: 3 }
  test.each([
    ['2025-01-30', '2025-01-31'],
    ['2025-01-31', '2025-02-28'],
    ['2025-02-28', '2025-03-31'],
    ['2025-03-31', null],
  ])('after %s it is %s (same day each month, clamped to the month’s end)', (on, next) => {
    expect(nextDueDateAfter(loan, on)).toBe(next)
  })
})
