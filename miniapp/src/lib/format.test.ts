import { aroundChinaMidnight } from '@gjj/shared/testing/clock'
import { describe, expect, test } from 'vitest'
import { cardLabel, formatDay, formatInstant, formatSize } from './format'

describe('submission and approval times are shown on the China clock', () => {
  test.each(aroundChinaMidnight('2026-12-03'))('%s is shown on %s', (instant, date) => {
    expect(formatDay(instant)).toBe(date)
    expect(formatInstant(instant).slice(0, 10)).toBe(date)
  })

  test('to the minute, whatever the zone of the phone', () => {
    expect(formatInstant('2026-12-02T16:30:59.999Z')).toBe('2026-12-03 00:30')
    expect(formatInstant(null)).toBe('—')
    expect(formatInstant('not a time')).toBe('not a time')
  })
})

describe('sizes and cards as people read them', () => {
  test('file sizes read in KB below a megabyte and in MB above', () => {
    expect(formatSize(345_000)).toBe('337 KB')
    expect(formatSize(2_400_000)).toBe('2.3 MB')
  })

  test('instants carrying an offset read as the Asia/Shanghai wall clock', () => {
    expect(formatInstant('2025-06-01T02:05:00Z')).toBe('2025-06-01 10:05')
    expect(formatInstant('2025-06-01T23:30:00+08:00')).toBe('2025-06-01 23:30')
  })

  test('a card is its bank and its masked number', () => {
    expect(cardLabel({ bankName: '中国工商银行', cardNoMasked: '6222 **** **** 1234' })).toBe(
      '中国工商银行 6222 **** **** 1234',
    )
  })
})
