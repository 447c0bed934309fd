import { addDays, formatIsoDate, type IsoDate, parseIsoDate } from './date'

/**
 * The one clock of the system, and the one place where an instant becomes a China date.
 *
 * Every calendar date the fund or a person sees or filters by is an Asia/Shanghai date (UTC+8 all
 * year: China has had no daylight saving time since 1991), whatever the time zone of the process,
 * the phone or the CI machine. Instants are stored as ISO strings in UTC ('…Z'); this file turns
 * them into China dates, months and wall-clock times, and China dates back into instant ranges.
 * Nothing here reads the process time zone (no getHours/getDate, no toLocale*).
 *
 * Tests move the time with `vi.setSystemTime` (which this clock follows) or by replacing
 * `clock.now`.
 */
export const clock = {
  now: (): Date => new Date(),
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

export type Instant = Date | number | string

function ms(instant: Instant): number {
  const t = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
  if (Number.isNaN(t)) throw new RangeError(`不是有效的时间：${String(instant)}`)
  return t
}

/** the China wall clock of an instant, as UTC fields of a shifted Date */
function wall(instant: Instant): Date {
  return new Date(ms(instant) + CHINA_OFFSET_MS)
}

const pad = (n: number) => String(n).padStart(2, '0')

export const nowMs = (): number => clock.now().getTime()
export const nowSeconds = (): number => Math.floor(nowMs() / 1000)
/** now as a stored instant: '2026-12-02T16:30:00.000Z' */
export const nowIso = (): string => clock.now().toISOString()
/** today's China date */
export const chinaToday = (): IsoDate => chinaDate(clock.now())

/** the China calendar date of an instant: 2026-12-02T16:30:00Z → 2026-12-03 */
export function chinaDate(instant: Instant): IsoDate {
  const d = wall(instant)
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })
}

/** the China calendar month of an instant: 'YYYY-MM' */
export function chinaMonth(instant: Instant): string {
  return chinaDate(instant).slice(0, 7)
}

/** the China wall clock of an instant to the second: '2026-12-03 00:30:00' */
export function chinaDateTime(instant: Instant): string {
  const d = wall(instant)
  return `${chinaDate(instant)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** the instant a China date begins (00:00 in China), as a stored instant: 2026-12-03 → 2026-12-02T16:00:00.000Z */
export function chinaDayStart(date: IsoDate): string {
  const p = parseIsoDate(date)
  if (!p) throw new RangeError(`不是有效的日期：${date}`)
  return new Date(Date.UTC(p.year, p.month - 1, p.day) - CHINA_OFFSET_MS).toISOString()
}

/**
 * The stored instants of China dates `from` to `to`, both whole days included: `fromInstant` is
 * the first millisecond of `from`, `toInstant` the last of `to`. Either end may be open.
 */
export function chinaDayRange(from?: IsoDate, to?: IsoDate): { fromInstant?: string; toInstant?: string } {
  return {
    ...(from ? { fromInstant: chinaDayStart(from) } : {}),
    ...(to ? { toInstant: new Date(ms(chinaDayStart(addDays(to, 1))) - 1).toISOString() } : {}),
  }
}
