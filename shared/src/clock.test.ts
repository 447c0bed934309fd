import { describe, expect, test } from 'vitest'
import { chinaDate, chinaDateTime, chinaDayRange, chinaDayStart, chinaMonth, chinaToday, nowIso } from './clock'
import { lastSettlementDay } from './loan/deposit-interest'
import { hasReachedRetirementAge, statutoryRetirementAge } from './retirement'
import { aroundChinaMidnight, atInstant } from './testing/clock'
import { checkIdNumber, idCheckChar } from './validation'

describe('the one clock: instants become China dates', () => {
  test.each(aroundChinaMidnight('2026-12-03'))('at %s it is %s in China', async (instant, date) => {
    await atInstant(instant, () => {
      expect(chinaToday()).toBe(date)
      expect(nowIso()).toBe(instant)
    })
  })

  test.each([
    ['2026-12-02T15:59:59Z', '2026-12-02', '2026-12', '2026-12-02 23:59:59'],
    ['2026-12-02T16:00:00Z', '2026-12-03', '2026-12', '2026-12-03 00:00:00'],
    ['2026-12-02T16:30:00Z', '2026-12-03', '2026-12', '2026-12-03 00:30:00'],
    ['2026-12-31T16:00:00Z', '2027-01-01', '2027-01', '2027-01-01 00:00:00'],
    ['2024-02-28T16:00:00Z', '2024-02-29', '2024-02', '2024-02-29 00:00:00'],
  ])('the instant %s is %s (month %s, wall clock %s)', (instant, date, month, wall) => {
    expect(chinaDate(instant)).toBe(date)
    expect(chinaDate(new Date(instant))).toBe(date)
    expect(chinaDate(Date.parse(instant))).toBe(date)
    expect(chinaMonth(instant)).toBe(month)
    expect(chinaDateTime(instant)).toBe(wall)
  })

  test('a China day runs from 16:00Z the day before to the last millisecond before the next', () => {
    expect(chinaDayStart('2026-12-03')).toBe('2026-12-02T16:00:00.000Z')
    expect(chinaDayRange('2026-12-03', '2026-12-03')).toEqual({
      fromInstant: '2026-12-02T16:00:00.000Z',
      toInstant: '2026-12-03T15:59:59.999Z',
    })
    expect(chinaDayRange(undefined, '2027-01-01')).toEqual({ toInstant: '2027-01-01T15:59:59.999Z' })
    expect(chinaDayRange()).toEqual({})
    for (const [instant, date] of aroundChinaMidnight('2026-12-03')) {
      const { fromInstant, toInstant } = chinaDayRange(date, date)
      expect(instant >= (fromInstant as string) && instant <= (toInstant as string)).toBe(true)
    }
  })

  test('a bad instant or date is refused in Chinese', () => {
    expect(() => chinaDate('yesterday')).toThrow('不是有效的时间')
    expect(() => chinaDayStart('2026-02-30')).toThrow('不是有效的日期')
  })
})

describe('dates the fund derives from today', () => {
  test.each(
    aroundChinaMidnight('2026-07-01').map(([instant, date], i) => [
      instant,
      date,
      i === 0 ? '2025-06-30' : '2026-06-30',
    ]),
  )('at %s (China %s) the last yearly 结息 day is %s', async (instant, _date, settlement) => {
    await atInstant(instant, () => expect(lastSettlementDay(chinaToday())).toBe(settlement))
  })

  // a man born 1966-07-03 reaches his statutory age (60 years 5 months) on 2026-12-03
  const man = { birthDate: '1966-07-03', gender: 'male' as const }
  test.each(aroundChinaMidnight('2026-12-03').map(([instant, date], i) => [instant, date, i > 0]))(
    'at %s (China %s) the retirement age is reached: %s',
    async (instant, _date, reached) => {
      expect(statutoryRetirementAge(man).reachedOn).toBe('2026-12-03')
      await atInstant(instant, () => expect(hasReachedRetirementAge(man, chinaToday())).toBe(reached))
    },
  )

  // an ID number whose birth date is 2026-12-03 is not valid before that China day begins
  const first17 = '65430120261203301'
  const bornToday = `${first17}${idCheckChar(first17)}`
  test.each(aroundChinaMidnight('2026-12-03').map(([instant, date], i) => [instant, date, i > 0]))(
    'at %s (China %s) an ID number born 2026-12-03 is accepted: %s',
    async (instant, _date, valid) => {
      await atInstant(instant, () => expect(checkIdNumber(bornToday).ok).toBe(valid))
    },
  )
})
