import { type IsoDate, monthlyDates } from '../date'

/**
 * The first contract due date of a loan after China date `on` (null when none is left): its due dates
 * are the first one, then the same day each month (clamped to the month's end), `months` in all.
 */
export function nextDueDateAfter(loan: { firstDueDate: IsoDate; months: number }, on: IsoDate): IsoDate | null {
  return monthlyDates(loan.firstDueDate, loan.months).find((d) => d > on) ?? null
}

/** the deduction index's shards: one busy due date spread over this many partitions (decision 59) */
export const DEDUCTION_SHARDS = 16

/** the shard of a loan in the deduction index: FNV-1a (32 bits) of the loan number, mod the shards */
export function deductionShard(loanNo: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < loanNo.length; i++) h = Math.imul(h ^ loanNo.charCodeAt(i), 0x01000193) >>> 0
  return h % DEDUCTION_SHARDS
}
