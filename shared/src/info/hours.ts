import { chinaDateTime, chinaDayStart, clock, type Instant } from '../clock'
import { addDays, type IsoDate, toEpochDay } from '../date'

/**
 * 服务网点营业时间: an outlet's weekly opening hours and whether it is open at an instant.
 *
 * Shape (JSON, as staff enter it and as it is stored):
 *
 *   { "1": [{ "open": "09:30", "close": "13:30" }, { "open": "16:00", "close": "20:00" }], …, "6": [] }
 *
 * Keys are ISO weekdays, "1" = 星期一 … "7" = 星期日; a missing key or an empty list is a closed day.
 * Times are China wall-clock 'HH:MM' from 00:00 to 24:00 ("24:00" = the end of the day). A period
 * lies inside one day (no period runs past midnight), ends after it starts, and periods of one day
 * do not overlap (one may start when the previous ends). Holidays are not modelled.
 *
 * Status at an instant (China time, UTC+8, whatever the process time zone; from shared's clock):
 *
 * | status   | label        | when                                                        |
 * | -------- | ------------ | ----------------------------------------------------------- |
 * | open     | 营业中       | inside a period (open ≤ t < close)                          |
 * | lunch    | 午休中       | between two periods of the same day                         |
 * | closed   | 未到营业时间 | before the first period of a day that has periods           |
 * | closed   | 已下班       | after the last period of the day                            |
 * | closed   | 今日不营业   | a day with no period                                        |
 * | closed   | 暂停营业     | no period on any day of the week                            |
 *
 * "已下班" at 07:00 would tell a depositor the staff had already gone home, so the morning says
 * "未到营业时间" instead; all three stay status 'closed' for code that only needs open/closed.
 * `next` is the next change and when it happens ("16:00 开始营业", "明天 09:30 开始营业",
 * "周一 09:30 开始营业", "13:30 午休", "20:00 下班"), with its instant so a page can refresh then.
 */

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** 周一 … 周日, by ISO weekday */
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  '1': '周一',
  '2': '周二',
  '3': '周三',
  '4': '周四',
  '5': '周五',
  '6': '周六',
  '7': '周日',
}

/** at most this many periods a day (a long 午休 makes two; six leaves room for odd schedules) */
export const MAX_PERIODS_PER_DAY = 6

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/

/** minutes since 00:00 of 'HH:MM' (00:00–24:00), or undefined */
export function parseHhMm(text: string): number | undefined {
  const m = HH_MM.exec(text)
  if (!m) return undefined
  return m[3] ? 24 * 60 : Number(m[1]) * 60 + Number(m[2])
}

export function formatHhMm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** one opening period of a day, `HH:MM` to `HH:MM` (hours-schemas.ts checks what staff enter) */
export interface Period {
  open: string
  close: string
}

export type WeeklyHours = Partial<Record<Weekday, Period[]>>

/** every day's periods in time order, closed days left out */
export function normalizeHours(hours: WeeklyHours): WeeklyHours {
  const out: WeeklyHours = {}
  for (const day of WEEKDAYS) {
    const periods = hours[day]
    if (periods && periods.length > 0) {
      out[day] = [...periods].sort((a, b) => minutes(a.open) - minutes(b.open))
    }
  }
  return out
}

function minutes(text: string): number {
  const m = parseHhMm(text)
  if (m === undefined) throw new RangeError(`不是有效的时刻：${text}`)
  return m
}

/** the China date, ISO weekday and second of the day of an instant */
export function chinaWallClock(instant: Instant): { date: IsoDate; weekday: Weekday; second: number } {
  const wall = chinaDateTime(instant) // 'YYYY-MM-DD HH:MM:SS'
  const date = wall.slice(0, 10)
  const second = Number(wall.slice(11, 13)) * 3600 + Number(wall.slice(14, 16)) * 60 + Number(wall.slice(17, 19))
  return { date, weekday: weekdayOf(date), second }
}

/** ISO weekday of a calendar date: 1970-01-01 was a Thursday (4) */
export function weekdayOf(date: IsoDate): Weekday {
  const index = (((toEpochDay(date) + 3) % 7) + 7) % 7
  return WEEKDAYS[index] as Weekday
}

export type OutletStatusCode = 'open' | 'lunch' | 'closed'

export interface OutletStatus {
  status: OutletStatusCode
  /** 营业中 / 午休中 / 未到营业时间 / 已下班 / 今日不营业 / 暂停营业 */
  label: string
  /** the next change, or null when the outlet has no period on any day */
  next: {
    status: OutletStatusCode
    /** the stored instant of the change: '2026-12-03T01:30:00.000Z' */
    at: string
    /** China date and time of the change */
    date: IsoDate
    time: string
    /** '16:00 开始营业', '明天 09:30 开始营业', '周一 09:30 开始营业', '13:30 午休', '20:00 下班' */
    text: string
  } | null
}

type Minutes = { open: number; close: number }

function periodsOf(hours: WeeklyHours, day: Weekday): Minutes[] {
  return (hours[day] ?? [])
    .map((p) => ({ open: minutes(p.open), close: minutes(p.close) }))
    .sort((a, b) => a.open - b.open)
}

/** whether the outlet is open at `instant` (default now) in China time, and its next change */
export function outletStatus(hours: WeeklyHours, instant: Instant = clock.now()): OutletStatus {
  const { date, weekday, second } = chinaWallClock(instant)
  const today = periodsOf(hours, weekday)
  const at = (day: IsoDate, minute: number) => new Date(Date.parse(chinaDayStart(day)) + minute * 60_000).toISOString()
  const change = (status: OutletStatusCode, day: IsoDate, minute: number, text: string) => ({
    status,
    at: at(day, minute),
    date: day,
    time: formatHhMm(minute),
    text,
  })

  const running = today.findIndex((p) => second >= p.open * 60 && second < p.close * 60)
  if (running >= 0) {
    // periods that touch (09:00–13:00, 13:00–18:00) are one run: open until the run ends
    let end = running
    while (today[end + 1] && (today[end + 1] as Minutes).open === (today[end] as Minutes).close) end++
    const close = (today[end] as Minutes).close
    const next = today[end + 1]
      ? change('lunch', date, close, `${formatHhMm(close)} 午休`)
      : change('closed', date, close, `${formatHhMm(close)} 下班`)
    return { status: 'open', label: '营业中', next }
  }

  const laterToday = today.find((p) => p.open * 60 > second)
  if (laterToday) {
    const next = change('open', date, laterToday.open, `${formatHhMm(laterToday.open)} 开始营业`)
    const beforeFirst = laterToday === today[0]
    return beforeFirst ? { status: 'closed', label: '未到营业时间', next } : { status: 'lunch', label: '午休中', next }
  }

  const label = today.length > 0 ? '已下班' : '今日不营业'
  for (let offset = 1; offset <= 7; offset++) {
    const day = addDays(date, offset)
    const first = periodsOf(hours, weekdayOf(day))[0]
    if (first) {
      const when = offset === 1 ? '明天' : offset === 2 ? '后天' : WEEKDAY_NAMES[weekdayOf(day)]
      return {
        status: 'closed',
        label,
        next: change('open', day, first.open, `${when} ${formatHhMm(first.open)} 开始营业`),
      }
    }
  }
  return { status: 'closed', label: '暂停营业', next: null }
}

/**
 * The week as lines a depositor reads, consecutive days with the same periods joined:
 * ['周一至周五 09:30–13:30、16:00–20:00', '周六、周日 不营业'].
 */
export function describeHours(hours: WeeklyHours): string[] {
  const key = (day: Weekday) =>
    periodsOf(hours, day)
      .map((p) => `${formatHhMm(p.open)}–${formatHhMm(p.close)}`)
      .join('、') || '不营业'
  const groups: { from: Weekday; to: Weekday; text: string }[] = []
  for (const day of WEEKDAYS) {
    const text = key(day)
    const last = groups[groups.length - 1]
    if (last && last.text === text) last.to = day
    else groups.push({ from: day, to: day, text })
  }
  if (groups.length === 1) return [`每天 ${(groups[0] as (typeof groups)[number]).text}`]
  return groups.map(({ from, to, text }) => {
    const span =
      from === to
        ? WEEKDAY_NAMES[from]
        : Number(to) - Number(from) === 1
          ? `${WEEKDAY_NAMES[from]}、${WEEKDAY_NAMES[to]}`
          : `${WEEKDAY_NAMES[from]}至${WEEKDAY_NAMES[to]}`
    return `${span} ${text}`
  })
}
