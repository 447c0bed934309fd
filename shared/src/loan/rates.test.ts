import { describe, expect, test } from 'vitest'
import { type DefaultRateQuery, defaultRate, formatRatePercent, parseRatePercent } from './rates'

describe('defaultRate', () => {
  test.each<[string, DefaultRateQuery, number]>([
    ['公积金 first home >5y from 2025-05-08', { kind: 'fund', years: 30, date: '2025-05-08' }, 26_000],
    ['公积金 first home ≤5y from 2025-05-08', { kind: 'fund', years: 5, date: '2025-06-01' }, 21_000],
    ['公积金 second home >5y', { kind: 'fund', years: 20, date: '2025-06-01', secondHome: true }, 30_750],
    ['公积金 second home ≤5y', { kind: 'fund', years: 3, date: '2025-06-01', secondHome: true }, 25_250],
    ['公积金 the day before the 2025 cut', { kind: 'fund', years: 30, date: '2025-05-07' }, 28_500],
    ['公积金 ≤5y in 2024', { kind: 'fund', years: 5, date: '2024-05-18' }, 23_500],
    ['公积金 >5y from 2022-10-01', { kind: 'fund', years: 30, date: '2023-01-01' }, 31_000],
    ['公积金 second home >5y in 2023', { kind: 'fund', years: 30, date: '2023-01-01', secondHome: true }, 35_750],
    ['公积金 >5y in 2015', { kind: 'fund', years: 30, date: '2015-10-01' }, 32_500],
    ['commercial >5y: 5-year LPR from 2025-05-20', { kind: 'commercial', years: 30, date: '2025-05-20' }, 35_000],
    ['commercial ≤5y: 1-year LPR from 2025-05-20', { kind: 'commercial', years: 3, date: '2025-05-20' }, 30_000],
    ['commercial >5y before 2025-05-20', { kind: 'commercial', years: 30, date: '2025-05-19' }, 36_000],
  ])('%s', (_, query, ratePpm) => {
    expect(defaultRate(query)).toBe(ratePpm)
  })

  test('has no rate before the table starts', () => {
    expect(() => defaultRate({ kind: 'fund', years: 30, date: '2010-01-01' })).toThrow(RangeError)
  })
})

describe('rate text', () => {
  test.each([
    ['2.6', 26_000],
    ['3.075%', 30_750],
    ['4.9', 49_000],
    [' 3.1 ', 31_000],
    ['30', 300_000],
    ['0.0001', 1],
  ])('%j reads as %i ppm', (text, ppm) => {
    expect(parseRatePercent(text)).toEqual({ ok: true, value: ppm })
  })

  test.each([
    ['', '请输入年利率'],
    ['abc', '年利率格式不正确，请输入百分数，如 3.1'],
    ['-1', '年利率格式不正确，请输入百分数，如 3.1'],
    ['2.00001', '年利率最多四位小数'],
    ['0', '年利率应大于0%且不超过30%'],
    ['30.01', '年利率应大于0%且不超过30%'],
  ])('%j is refused with "%s"', (text, message) => {
    expect(parseRatePercent(text)).toEqual({ ok: false, message })
  })

  test.each([
    [26_000, '2.6'],
    [30_750, '3.075'],
    [35_000, '3.5'],
    [30_000, '3'],
    [1, '0.0001'],
  ])('%i ppm shows as %s', (ppm, text) => {
    expect(formatRatePercent(ppm)).toBe(text)
  })
})
