import { type Period, WEEKDAYS, type Weekday, type WeeklyHours } from '@gjj/shared/info/hours'

/**
 * The hours of the outlet form: every weekday with its periods as typed (a 午休 is the gap between
 * two periods: 09:30–13:30 and 16:00–19:30). A day with no period is closed. The server checks the
 * times (format, end after start, no overlap) and its messages stand under the day.
 */
export type HoursForm = Record<Weekday, Period[]>

export const WORKDAY: Period[] = [
  { open: '09:30', close: '13:30' },
  { open: '16:00', close: '19:30' },
]

export function hoursForm(hours: WeeklyHours | undefined): HoursForm {
  const out = {} as HoursForm
  for (const d of WEEKDAYS) {
    out[d] = hours ? [...(hours[d] ?? [])].map((p) => ({ ...p })) : Number(d) <= 5 ? WORKDAY.map((p) => ({ ...p })) : []
  }
  return out
}

/** the form as the contract's weekly hours: closed days left out, times trimmed */
export function weeklyHours(form: HoursForm): WeeklyHours {
  const out: WeeklyHours = {}
  for (const d of WEEKDAYS) {
    const periods = form[d].map((p) => ({ open: p.open.trim(), close: p.close.trim() }))
    if (periods.length > 0) out[d] = periods
  }
  return out
}

/** 周一's periods for 周二 to 周五 too */
export function copyMondayToWeekdays(form: HoursForm): HoursForm {
  const next = { ...form }
  for (const d of ['2', '3', '4', '5'] as const) next[d] = form['1'].map((p) => ({ ...p }))
  return next
}
