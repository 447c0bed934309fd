/**
 * 服务网点 positions: GCJ-02 coordinates, distances and the order of the outlet list.
 *
 * GCJ-02 is the datum every map in China speaks: WeChat's and Alipay's `getLocation({ type:
 * 'gcj02' })` return it and their `openLocation` (导航) expects it, so outlets are stored in
 * GCJ-02 too and no conversion is ever needed. (GCJ-02 is WGS-84 shifted by up to ~700 m; within
 * one datum the haversine distances below are good to a few metres at city scale.)
 *
 * "In China" is a coarse bounding box: latitude 3.86–53.55 (曾母暗沙 to 漠河), longitude
 * 73.66–135.05 (帕米尔高原 to 黑瞎子岛), edges included. It refuses a swapped pair for Xinjiang
 * (87.6, 43.8), a (0, 0) left by a form, and anything in Europe or the Americas, but it also accepts
 * Mongolia, the Koreas, western Japan and much of South-East Asia: it catches data-entry mistakes,
 * it does not decide a border.
 */

export const CHINA_BOUNDS = {
  minLatitude: 3.86,
  maxLatitude: 53.55,
  minLongitude: 73.66,
  maxLongitude: 135.05,
} as const

export interface Coordinates {
  /** degrees north, GCJ-02 */
  latitude: number
  /** degrees east, GCJ-02 */
  longitude: number
}

export function isInChina({ latitude, longitude }: Coordinates): boolean {
  const b = CHINA_BOUNDS
  return (
    latitude >= b.minLatitude && latitude <= b.maxLatitude && longitude >= b.minLongitude && longitude <= b.maxLongitude
  )
}

export const NOT_IN_CHINA = '坐标不在中国境内'

/** mean Earth radius (IUGG), metres */
const EARTH_RADIUS_METERS = 6_371_008.8

const radians = (degrees: number) => (degrees * Math.PI) / 180

/** great-circle distance in whole metres (haversine) */
export function distanceMeters(a: Coordinates, b: Coordinates): number {
  const dLat = radians(b.latitude - a.latitude)
  const dLng = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h))))
}

/** '850 米' under 1 km, '1.2 公里' under 10 km, '35 公里' from there on */
export function formatDistance(meters: number): string {
  if (!Number.isFinite(meters) || meters < 0) throw new RangeError(`不是有效的距离：${meters}`)
  const m = Math.round(meters)
  if (m < 1000) return `${m} 米`
  const tenths = Math.round(m / 100)
  if (tenths < 100) return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} 公里`
  return `${Math.round(m / 1000)} 公里`
}

/**
 * Outlet names in a fixed order that is the same on every engine: UTF-16 code-unit order of the
 * names (ties by input order). Not pinyin order: `localeCompare('zh-Hans-CN')` depends on the ICU
 * data of the JavaScript engine, and the mini-program engines (JavaScriptCore on iOS, V8 builds on
 * Android, Alipay's) do not promise it, so the server and a phone could disagree. Code-unit order
 * of Chinese characters follows the Unicode (radical-stroke) order: stable and predictable, and a
 * center that wants another order can prefix names or sort with a position.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The outlets nearest first when `here` is known (each with its distance), otherwise by name
 * (distance null). Stable on every engine: equal keys keep the input order.
 */
export function sortByDistance<T extends Coordinates & { name: string }>(
  outlets: readonly T[],
  here?: Coordinates | null,
): (T & { distanceMeters: number | null })[] {
  const keyed = outlets.map((outlet, index) => ({
    outlet,
    index,
    distance: here ? distanceMeters(here, outlet) : null,
  }))
  keyed.sort(
    (a, b) =>
      (a.distance !== null && b.distance !== null
        ? a.distance - b.distance
        : compareNames(a.outlet.name, b.outlet.name)) || a.index - b.index,
  )
  return keyed.map(({ outlet, distance }) => ({ ...outlet, distanceMeters: distance }))
}
