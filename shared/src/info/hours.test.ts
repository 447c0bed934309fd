import { describe, expect, test } from 'vitest'
import { aroundChinaMidnight, atInstant } from '../testing/clock'
import { describeHours, outletStatus, parseHhMm, type WeeklyHours, weekdayOf } from './hours'
import { weeklyHoursSchema } from './hours-schemas'

// An Altay-style week: 09:30–13:30 and 16:00–20:00 on weekdays (a long 午休), Saturday morning only,
// Sunday closed. 2026-12-02 is a Wednesday.
const WEEK: WeeklyHours = {
  '1': [
    { open: '09:30', close: '13:30' },
    { open: '16:00', close: '20:00' },
  ],
  '2': [
    { open: '09:30', close: '13:30' },
    { open: '16:00', close: '20:00' },
  ],
  '3': [
    { open: '09:30', close: '13:30' },
    { open: '16:00', close: '20:00' },
  ],
  '4': [
    { open: '16:00', close: '20:00' },
    { open: '09:30', close: '13:30' },
  ],
  '5': [
    { open: '09:30', close: '13:30' },
    { open: '16:00', close: '20:00' },
  ],
  '6': [{ open: '10:00', close: '14:00' }],
}

const issuesOf = (input: unknown) => {
  const result = weeklyHoursSchema.safeParse(input)
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

describe('weekly hours as staff enter them', () => {
  test('a valid week is accepted, each day in time order and closed days left out', () => {
    const parsed = weeklyHoursSchema.parse({ ...WEEK, '7': [] })
    expect(parsed['4']).toEqual([
      { open: '09:30', close: '13:30' },
      { open: '16:00', close: '20:00' },
    ])
    expect(parsed['7']).toBeUndefined()
    expect(Object.keys(parsed)).toEqual(['1', '2', '3', '4', '5', '6'])
  })

  test('periods may touch, a day may end at 24:00 and a week may be empty', () => {
    expect(
      issuesOf({
        '1': [
          { open: '00:00', close: '13:00' },
          { open: '13:00', close: '24:00' },
        ],
      }),
    ).toEqual([])
    expect(issuesOf({})).toEqual([])
  })

  test.each([
    ['ends before it starts', { '1': [{ open: '13:30', close: '09:30' }] }, '1.0.close', '结束时间应晚于开始时间'],
    ['ends when it starts', { '2': [{ open: '09:30', close: '09:30' }] }, '2.0.close', '结束时间应晚于开始时间'],
    ['starts at 24:00', { '3': [{ open: '24:00', close: '24:00' }] }, '3.0.close', '结束时间应晚于开始时间'],
    [
      'overlaps the one before',
      {
        '1': [
          { open: '09:00', close: '13:00' },
          { open: '12:59', close: '18:00' },
        ],
      },
      '1.1',
      '营业时间段不能重叠',
    ],
    [
      'overlaps when given out of order',
      {
        '5': [
          { open: '16:00', close: '20:00' },
          { open: '09:30', close: '16:30' },
        ],
      },
      '5.1',
      '营业时间段不能重叠',
    ],
    [
      'lies inside another',
      {
        '6': [
          { open: '09:00', close: '18:00' },
          { open: '10:00', close: '11:00' },
        ],
      },
      '6.1',
      '营业时间段不能重叠',
    ],
    [
      'has an hour without a leading zero',
      { '1': [{ open: '9:30', close: '13:30' }] },
      '1.0.open',
      '开始时间应为 00:00 至 24:00 之间的时刻，格式 HH:MM',
    ],
    [
      'ends after 24:00',
      { '1': [{ open: '09:30', close: '24:01' }] },
      '1.0.close',
      '结束时间应为 00:00 至 24:00 之间的时刻，格式 HH:MM',
    ],
    [
      'has minute 60',
      { '1': [{ open: '09:60', close: '13:30' }] },
      '1.0.open',
      '开始时间应为 00:00 至 24:00 之间的时刻，格式 HH:MM',
    ],
    [
      'has hour 25',
      { '1': [{ open: '09:30', close: '25:00' }] },
      '1.0.close',
      '结束时间应为 00:00 至 24:00 之间的时刻，格式 HH:MM',
    ],
    [
      'has no colon',
      { '1': [{ open: '0930', close: '13:30' }] },
      '1.0.open',
      '开始时间应为 00:00 至 24:00 之间的时刻，格式 HH:MM',
    ],
    [
      'has seconds',
      { '1': [{ open: '09:30:00', close: '13:30' }] },
      '1.0.open',
      '开始时间应为 00:00 至 24:00 之间的时刻，格式 HH:MM',
    ],
    ['misses its end', { '1': [{ open: '09:30' }] }, '1.0.close', '请填写结束时间'],
    ['has a number for a time', { '1': [{ open: 930, close: '13:30' }] }, '1.0.open', '请填写开始时间'],
    [
      'has a key other than open and close',
      { '1': [{ open: '09:30', close: '13:30', note: 'x' }] },
      '1.0',
      '营业时间段只能填写开始时间和结束时间',
    ],
  ])('a period that %s is refused in Chinese', (_what, input, path, message) => {
    expect(issuesOf(input)).toEqual([{ path, message }])
  })

  test.each([
    ['0', { '0': [] }],
    ['8', { '8': [] }],
    ['mon', { mon: [] }],
  ])('weekday %s is refused: weekdays are 1 (Monday) to 7 (Sunday)', (_key, input) => {
    expect(issuesOf(input)).toEqual([{ path: '', message: '星期应为 1（周一）至 7（周日）' }])
  })

  test('more than six periods a day are refused', () => {
    const periods = Array.from({ length: 7 }, (_, i) => ({ open: `0${i}:00`, close: `0${i}:30` }))
    expect(issuesOf({ '1': periods })).toEqual([{ path: '1', message: '每天最多 6 个营业时间段' }])
  })

  test('a day that is not a list and hours that are not an object are refused in Chinese', () => {
    expect(issuesOf({ '1': '09:30-13:30' })).toEqual([{ path: '1', message: '每天的营业时间应为时间段列表' }])
    expect(issuesOf('09:30-13:30')).toEqual([{ path: '', message: '请填写营业时间' }])
  })

  test.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
    ['24:30', undefined],
    ['7:00', undefined],
    [' 07:00', undefined],
  ])('the time %s is minute %s of the day', (text, minutes) => {
    expect(parseHhMm(text)).toBe(minutes)
  })
})

describe('whether an outlet is open, in China time', () => {
  test.each([
    // instant (UTC)              China wall clock        status    label           next
    ['2026-12-02T15:59:59Z', '周三 23:59:59', 'closed', '已下班', '明天 09:30 开始营业', '2026-12-03T01:30:00.000Z'],
    ['2026-12-02T16:00:00Z', '周四 00:00', 'closed', '未到营业时间', '09:30 开始营业', '2026-12-03T01:30:00.000Z'],
    ['2026-12-02T16:30:00Z', '周四 00:30', 'closed', '未到营业时间', '09:30 开始营业', '2026-12-03T01:30:00.000Z'],
    ['2026-12-03T01:29:59Z', '周四 09:29:59', 'closed', '未到营业时间', '09:30 开始营业', '2026-12-03T01:30:00.000Z'],
    ['2026-12-03T01:30:00Z', '周四 09:30', 'open', '营业中', '13:30 午休', '2026-12-03T05:30:00.000Z'],
    ['2026-12-03T05:29:59Z', '周四 13:29:59', 'open', '营业中', '13:30 午休', '2026-12-03T05:30:00.000Z'],
    ['2026-12-03T05:30:00Z', '周四 13:30', 'lunch', '午休中', '16:00 开始营业', '2026-12-03T08:00:00.000Z'],
    ['2026-12-03T07:59:59Z', '周四 15:59:59', 'lunch', '午休中', '16:00 开始营业', '2026-12-03T08:00:00.000Z'],
    ['2026-12-03T08:00:00Z', '周四 16:00', 'open', '营业中', '20:00 下班', '2026-12-03T12:00:00.000Z'],
    ['2026-12-03T11:59:59Z', '周四 19:59:59', 'open', '营业中', '20:00 下班', '2026-12-03T12:00:00.000Z'],
    ['2026-12-03T12:00:00Z', '周四 20:00', 'closed', '已下班', '明天 09:30 开始营业', '2026-12-04T01:30:00.000Z'],
    ['2026-12-04T12:00:00Z', '周五 20:00', 'closed', '已下班', '明天 10:00 开始营业', '2026-12-05T02:00:00.000Z'],
    ['2026-12-04T16:00:00Z', '周六 00:00', 'closed', '未到营业时间', '10:00 开始营业', '2026-12-05T02:00:00.000Z'],
    ['2026-12-05T05:59:59Z', '周六 13:59:59', 'open', '营业中', '14:00 下班', '2026-12-05T06:00:00.000Z'],
    ['2026-12-05T06:00:00Z', '周六 14:00', 'closed', '已下班', '后天 09:30 开始营业', '2026-12-07T01:30:00.000Z'],
    ['2026-12-05T15:59:59Z', '周六 23:59:59', 'closed', '已下班', '后天 09:30 开始营业', '2026-12-07T01:30:00.000Z'],
    ['2026-12-05T16:00:00Z', '周日 00:00', 'closed', '今日不营业', '明天 09:30 开始营业', '2026-12-07T01:30:00.000Z'],
    ['2026-12-06T04:00:00Z', '周日 12:00', 'closed', '今日不营业', '明天 09:30 开始营业', '2026-12-07T01:30:00.000Z'],
    ['2026-12-06T16:00:00Z', '周一 00:00', 'closed', '未到营业时间', '09:30 开始营业', '2026-12-07T01:30:00.000Z'],
    [
      '2026-12-31T16:00:00Z',
      '周五 2027-01-01 00:00',
      'closed',
      '未到营业时间',
      '09:30 开始营业',
      '2027-01-01T01:30:00.000Z',
    ],
  ])('at %s (%s) the outlet is %s: %s, next %s', (instant, _wall, status, label, text, at) => {
    const result = outletStatus(WEEK, instant)
    expect(result).toMatchObject({ status, label, next: { text, at } })
    expect(outletStatus(WEEK, new Date(instant))).toEqual(result)
    expect(outletStatus(WEEK, Date.parse(instant))).toEqual(result)
  })

  test('the next change names its China date, time and the status it brings', () => {
    expect(outletStatus(WEEK, '2026-12-05T06:00:00Z').next).toEqual({
      status: 'open',
      at: '2026-12-07T01:30:00.000Z',
      date: '2026-12-07',
      time: '09:30',
      text: '后天 09:30 开始营业',
    })
    expect(outletStatus(WEEK, '2026-12-03T01:30:00Z').next).toMatchObject({ status: 'lunch', date: '2026-12-03' })
    expect(outletStatus(WEEK, '2026-12-03T08:00:00Z').next).toMatchObject({ status: 'closed', time: '20:00' })
  })

  test.each(aroundChinaMidnight('2026-12-03'))(
    'without an instant it reads the one clock: at %s it is China %s',
    async (instant, date) => {
      await atInstant(instant, () => {
        const { next } = outletStatus(WEEK)
        expect(next?.date).toBe(date === '2026-12-02' ? '2026-12-03' : date)
        expect(next?.time).toBe('09:30')
      })
    },
  )

  test('an outlet open on Mondays only says which weekday it opens next', () => {
    const mondays: WeeklyHours = { '1': [{ open: '09:30', close: '18:00' }] }
    expect(outletStatus(mondays, '2026-12-02T04:00:00Z').next?.text).toBe('周一 09:30 开始营业')
    // Monday 2026-12-07 after closing: the Monday a week later
    expect(outletStatus(mondays, '2026-12-07T11:00:00Z')).toMatchObject({
      label: '已下班',
      next: { text: '周一 09:30 开始营业', date: '2026-12-14' },
    })
  })

  test('periods that touch are one opening: no 午休 at the seam', () => {
    const split: WeeklyHours = {
      '4': [
        { open: '09:00', close: '13:00' },
        { open: '13:00', close: '18:00' },
      ],
    }
    expect(outletStatus(split, '2026-12-03T04:00:00Z')).toMatchObject({ status: 'open', next: { text: '18:00 下班' } })
    expect(outletStatus(split, '2026-12-03T05:00:00Z')).toMatchObject({ status: 'open', next: { text: '18:00 下班' } })
  })

  test('a day that ends at 24:00 is open until China midnight', () => {
    const late: WeeklyHours = { '3': [{ open: '20:00', close: '24:00' }] }
    expect(outletStatus(late, '2026-12-02T15:59:59Z')).toMatchObject({
      status: 'open',
      next: { text: '24:00 下班', at: '2026-12-02T16:00:00.000Z' },
    })
    expect(outletStatus(late, '2026-12-02T16:00:00Z')).toMatchObject({ status: 'closed', label: '今日不营业' })
  })

  test('an outlet with no hours on any day is 暂停营业 with no next change', () => {
    expect(outletStatus({}, '2026-12-03T04:00:00Z')).toEqual({ status: 'closed', label: '暂停营业', next: null })
  })

  test.each([
    ['1970-01-01', '4'],
    ['2026-12-02', '3'],
    ['2026-12-06', '7'],
    ['2026-12-07', '1'],
    ['1969-12-29', '1'],
    ['2000-02-29', '2'],
  ])('%s is ISO weekday %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday)
  })
})

describe('the week in words', () => {
  test('consecutive days with the same hours are joined', () => {
    expect(describeHours(WEEK)).toEqual(['周一至周五 09:30–13:30、16:00–20:00', '周六 10:00–14:00', '周日 不营业'])
  })

  test('two days are joined with 、 and a week of equal days is 每天', () => {
    const weekend: WeeklyHours = { '6': [{ open: '10:00', close: '14:00' }], '7': [{ open: '10:00', close: '14:00' }] }
    expect(describeHours(weekend)).toEqual(['周一至周五 不营业', '周六、周日 10:00–14:00'])
    expect(describeHours({})).toEqual(['每天 不营业'])
  })
})
