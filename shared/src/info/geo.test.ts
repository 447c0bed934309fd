import { describe, expect, test } from 'vitest'
import { CHINA_BOUNDS, compareNames, distanceMeters, formatDistance, sortByDistance } from './geo'
import { gcj02Schema } from './geo-schemas'

const issuesOf = (input: unknown) => {
  const result = gcj02Schema.safeParse(input)
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

describe('GCJ-02 coordinates inside China', () => {
  test.each([
    ['乌鲁木齐', 43.825592, 87.617733],
    ['阿勒泰', 47.844924, 88.141253],
    ['喀什', 39.470461, 75.989741],
    ['北京', 39.904211, 116.407394],
    ['曾母暗沙 (south edge)', CHINA_BOUNDS.minLatitude, 112.28],
    ['漠河 (north edge)', CHINA_BOUNDS.maxLatitude, 122.5],
    ['帕米尔 (west edge)', 39.0, CHINA_BOUNDS.minLongitude],
    ['黑瞎子岛 (east edge)', 48.35, CHINA_BOUNDS.maxLongitude],
  ])('%s (%s, %s) is accepted', (_place, latitude, longitude) => {
    expect(gcj02Schema.parse({ latitude, longitude })).toEqual({ latitude, longitude })
  })

  test.each([
    ['a pair swapped for Urumqi', 87.617733, 43.825592],
    ['(0, 0) left by a form', 0, 0],
    ['Paris', 48.8566, 2.3522],
    ['New York', 40.7128, -74.006],
    ['Sydney', -33.8688, 151.2093],
    ['just south of the box', 3.85, 112.28],
    ['just north of the box', 53.56, 122.5],
    ['just west of the box', 39.0, 73.65],
    ['just east of the box', 48.35, 135.06],
    ['latitude beyond the pole', 91, 100],
  ])('%s (%s, %s) is refused: 坐标不在中国境内', (_place, latitude, longitude) => {
    expect(issuesOf({ latitude, longitude })).toEqual([{ path: '', message: '坐标不在中国境内' }])
  })

  test.each([
    ['a string latitude', { latitude: '43.8', longitude: 87.6 }, 'latitude', '纬度应为数字'],
    ['NaN for a longitude', { latitude: 43.8, longitude: Number.NaN }, 'longitude', '经度应为数字'],
    ['an infinite latitude', { latitude: Number.POSITIVE_INFINITY, longitude: 87.6 }, 'latitude', '纬度应为数字'],
    ['no longitude', { latitude: 43.8 }, 'longitude', '经度应为数字'],
    ['another key', { latitude: 43.8, longitude: 87.6, altitude: 800 }, '', '坐标只能包含纬度和经度'],
    ['no object at all', null, '', '请提供坐标'],
  ])('%s is refused in Chinese', (_what, input, path, message) => {
    expect(issuesOf(input)).toEqual([{ path, message }])
  })
})

describe('distances', () => {
  test.each([
    ['the same point', { latitude: 43.8, longitude: 87.6 }, { latitude: 43.8, longitude: 87.6 }, 0],
    ['one degree along a meridian', { latitude: 40, longitude: 100 }, { latitude: 41, longitude: 100 }, 111_195],
    ['one degree along the equator', { latitude: 0, longitude: 100 }, { latitude: 0, longitude: 101 }, 111_195],
    ['a thousandth of a degree north', { latitude: 43.8, longitude: 87.6 }, { latitude: 43.801, longitude: 87.6 }, 111],
    // one degree of longitude at 60° north is half of one at the equator (cos 60° = 0.5)
    ['one degree east at 60° north', { latitude: 60, longitude: 100 }, { latitude: 60, longitude: 101 }, 55_597],
  ])('%s is %s metres', (_what, a, b, metres) => {
    expect(distanceMeters(a, b)).toBe(metres)
    expect(distanceMeters(b, a)).toBe(metres)
  })

  test('Beijing to Shanghai is about 1,067 km and Urumqi to Altay about 450 km', () => {
    const beijing = { latitude: 39.904211, longitude: 116.407394 }
    const shanghai = { latitude: 31.230416, longitude: 121.473701 }
    expect(Math.abs(distanceMeters(beijing, shanghai) - 1_067_000)).toBeLessThan(2_000)
    const urumqi = { latitude: 43.825592, longitude: 87.617733 }
    const altay = { latitude: 47.844924, longitude: 88.141253 }
    expect(Math.round(distanceMeters(urumqi, altay) / 1000)).toBe(449)
  })

  test.each([
    [0, '0 米'],
    [8.4, '8 米'],
    [850, '850 米'],
    [999.4, '999 米'],
    [999.5, '1 公里'],
    [1000, '1 公里'],
    [1049, '1 公里'],
    [1050, '1.1 公里'],
    [1234, '1.2 公里'],
    [9949, '9.9 公里'],
    [9950, '10 公里'],
    [35_000, '35 公里'],
    [35_499, '35 公里'],
    [1_234_567, '1235 公里'],
  ])('%s metres reads %s', (metres, text) => {
    expect(formatDistance(metres)).toBe(text)
  })

  test.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('%s metres is not a distance', (metres) => {
    expect(() => formatDistance(metres)).toThrow('不是有效的距离')
  })
})

describe('the outlet list in order', () => {
  const outlets = [
    { id: 'a', name: '天山区网点', latitude: 43.7926, longitude: 87.6271 },
    { id: 'b', name: '沙依巴克区网点', latitude: 43.8012, longitude: 87.5984 },
    { id: 'c', name: '新市区网点', latitude: 43.8553, longitude: 87.5986 },
    { id: 'd', name: '米东区网点', latitude: 43.9741, longitude: 87.6552 },
    // the same place as 'a' under another name: ties keep the input order
    { id: 'e', name: '天山区网点（二）', latitude: 43.7926, longitude: 87.6271 },
  ]

  test('with a position the nearest comes first, each with its distance, ties in input order', () => {
    const here = { latitude: 43.8003, longitude: 87.5997 } // near 沙依巴克区网点
    const sorted = sortByDistance(outlets, here)
    expect(sorted.map((o) => o.id)).toEqual(['b', 'a', 'e', 'c', 'd'])
    expect(sorted[0]?.distanceMeters).toBe(distanceMeters(here, outlets[1] as (typeof outlets)[number]))
    expect(sorted[1]?.distanceMeters).toBe(sorted[2]?.distanceMeters)
    expect(
      sorted.every((o, i) => i === 0 || (o.distanceMeters as number) >= (sorted[i - 1]?.distanceMeters as number)),
    ).toBe(true)
  })

  test('without a position the list is in name order with no distance', () => {
    for (const here of [undefined, null]) {
      const sorted = sortByDistance(outlets, here)
      expect(sorted.map((o) => o.name)).toEqual(
        [...outlets.map((o) => o.name)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
      )
      expect(sorted.every((o) => o.distanceMeters === null)).toBe(true)
    }
  })

  test('equal names keep their input order and the input is not changed', () => {
    const twins = [
      { id: 1, name: '网点', latitude: 44, longitude: 87 },
      { id: 2, name: '网点', latitude: 43, longitude: 87 },
      { id: 3, name: '分中心', latitude: 42, longitude: 87 },
    ]
    const copy = structuredClone(twins)
    expect(sortByDistance(twins).map((o) => o.id)).toEqual([3, 1, 2])
    expect(twins).toEqual(copy)
    expect(sortByDistance([], { latitude: 43, longitude: 87 })).toEqual([])
  })

  test('names compare by code unit, the same on every engine', () => {
    expect(['乌鲁木齐', '阿勒泰', 'A网点', '1号网点'].sort(compareNames)).toEqual([
      '1号网点',
      'A网点',
      '乌鲁木齐',
      '阿勒泰',
    ])
  })
})
