import { aroundChinaMidnight } from '@gjj/shared/testing/clock'
import { describe, expect, test } from 'vitest'
import { formatDay, formatInstant } from './format'

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
