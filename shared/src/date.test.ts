import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, addMonths, daysBetween, fromEpochDay, isIsoDate, monthlyDates, toEpochDay } from './date'

describe('dates', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['20250101', false],
  ])('%s is a date: %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid)
  })

  test.each([
    ['2025-06-30', '2025-07-01', 1],
    ['2018-06-30', '2018-07-22', 22],
    ['2024-06-30', '2025-06-30', 365],
    ['2023-06-30', '2024-06-30', 366],
    ['2025-03-20', '2025-04-09', 20],
    ['2025-04-09', '2025-03-20', -20],
    ['1970-01-01', '1970-01-01', 0],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days)
  })

  test.each([
    { date: '2025-01-31', months: 1, expected: '2025-02-28' },
    { date: '2024-01-31', months: 1, expected: '2024-02-29' },
    { date: '2025-03-20', months: 240, expected: '2045-03-20' },
    { date: '2025-11-15', months: 3, expected: '2026-02-15' },
    { date: '2025-01-15', months: -1, expected: '2024-12-15' },
    { date: '1965-01-15', months: 721, expected: '2025-02-15' },
  ])('$date plus $months months is $expected', ({ date, months, expected }) => {
    expect(addMonths(date, months)).toBe(expected)
  })

  test('keeps the anchor day after a short month', () => {
    expect(addMonths('2025-02-28', 1, 31)).toBe('2025-03-31')
  })

  test('monthly due dates stay on the anchor day', () => {
    expect(monthlyDates('2024-12-31', 4)).toEqual(['2024-12-31', '2025-01-31', '2025-02-28', '2025-03-31'])
  })

  test('epoch days round-trip and agree with the built-in UTC calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 700_000 }), (day) => {
        const date = fromEpochDay(day)
        expect(toEpochDay(date)).toBe(day)
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(date)
      }),
    )
  })

  test('adding days then counting them gives the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5_000, max: 5_000 }), (n) => {
        expect(daysBetween('2025-05-20', addDays('2025-05-20', n))).toBe(n)
      }),
    )
  })
})
