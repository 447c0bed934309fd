/**
 * Calendar dates as ISO strings 'YYYY-MM-DD' (Asia/Shanghai calendar days). Pure integer maths on
 * the proleptic Gregorian calendar: no Date parsing of strings, no time zone library, no Intl.
 * ISO date strings compare correctly with `<` / `>`.
 */
export type IsoDate = string

export interface DateParts {
  year: number
  /** 1–12 */
  month: number
  /** 1–31 */
  day: number
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** parts of a real calendar date, or undefined ('2023-02-29' and '2024-13-01' are not dates) */
export function parseIsoDate(text: string): DateParts | undefined {
  const m = ISO_DATE.exec(text)
  if (!m) return undefined
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined
}

function parts(date: IsoDate): DateParts {
  const p = parseIsoDate(date)
  if (!p) throw new RangeError(`不是有效的日期：${date}`)
  return p
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** days since 1970-01-01 (H. Hinnant's days_from_civil) */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parts(date)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** inverse of toEpochDay */
export function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return formatIsoDate({ year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day })
}

/** whole days from `from` to `to` (negative when `to` is earlier): 2025-06-30 → 2025-07-01 is 1 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days)
}

/**
 * `months` calendar months after `date`, clamped to the end of the month: 2025-01-31 + 1 month is
 * 2025-02-28. `anchorDay` (default: the day of `date`) is the day of month wanted before clamping,
 * so a schedule due on the 31st stays on month ends: addMonths('2025-02-28', 1, 31) is 2025-03-31.
 */
export function addMonths(date: IsoDate, months: number, anchorDay?: number): IsoDate {
  const { year, month, day } = parts(date)
  return monthAfter(year, month, months, anchorDay ?? day)
}

/** the date `months` after year-month on `day`, clamped to the month's end */
function monthAfter(year: number, month: number, months: number, day: number): IsoDate {
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) })
}

/** `count` monthly dates from `first` on the same day of month (clamped): due dates of a schedule */
export function monthlyDates(first: IsoDate, count: number): IsoDate[] {
  const { year, month, day } = parts(first)
  return Array.from({ length: count }, (_, i) => monthAfter(year, month, i, day))
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b
}
