import { type IsoDate, monthlyDates } from '../date'

/**
 * The first contract due date of a loan after China date `on` (null when none is left): its due dates
 * are the first one, then the same day each month (clamped to the month's end), `months` in all.
 */
export function nextDueDateAfter(loan: { firstDueDate: IsoDate; months: number }, on: IsoDate): IsoDate | null {
  return monthlyDates(loan.firstDueDate, loan.months).find((d) => d > on) ?? null
}
