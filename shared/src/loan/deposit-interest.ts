import { daysBetween, formatIsoDate, type IsoDate, maxDate, parseIsoDate } from '../date'
import { divHalfUp, PPM, toSafeNumber } from './arith'
import type { RatePpm } from './rates'

/**
 * Interest on a provident fund account (存款利息). Rate 1.5% a year, day rate = rate / 360.
 * Interest = Σ(daily balance × days) × rate / 360, rounded half-up to the fen once at the end.
 *
 * Day counting: a period runs from `from` (exclusive) to `to`; each day counts with the balance at
 * the end of the previous day, so June 30 → July 22 is 22 days, and money leaving on the closing
 * date earns nothing for that date. A balance change dated d (value date) counts from d on.
 *
 * The yearly interest for the year ending June 30 is credited on July 1 with value date June 30:
 * it is part of the balance from June 30 on, not a change inside the next period.
 */
export const DEPOSIT_RATE_PPM: RatePpm = 15_000

export interface BalanceChange {
  /** value date */
  date: IsoDate
  /** + deposit (汇缴/补缴), − partial withdrawal */
  amountFen: number
}

export interface DepositInterestInput {
  /** account opening date (开户日期) */
  openedOn: IsoDate
  /** the balance at the end of the period (for closing: before the closing withdrawal) */
  balanceFen: number
  /** balance changes after the period start; changes on or before the start are in the opening balance */
  changes?: readonly BalanceChange[]
  ratePpm?: RatePpm
}

export interface InterestAccrual {
  from: IsoDate
  to: IsoDate
  days: number
  /** 积数: Σ(daily balance × days), in fen·days */
  balanceDaysFen: number
  interestFen: number
}

const DAY_COUNT = BigInt(360)

function accrue(
  from: IsoDate,
  to: IsoDate,
  { balanceFen, changes = [], ratePpm = DEPOSIT_RATE_PPM }: DepositInterestInput,
): InterestAccrual {
  const days = daysBetween(from, to)
  if (days < 0) throw new RangeError(`计息期间不正确：${from} 至 ${to}`)
  // Σ balance × days = end balance × days − Σ change × days before the change took effect
  let balanceDays = BigInt(balanceFen) * BigInt(days)
  for (const change of changes) {
    if (change.date > to) throw new RangeError(`余额变动 ${change.date} 晚于计息截止日 ${to}`)
    if (change.date > from) balanceDays -= BigInt(change.amountFen) * BigInt(daysBetween(from, change.date))
  }
  return {
    from,
    to,
    days,
    balanceDaysFen: toSafeNumber(balanceDays),
    interestFen: toSafeNumber(divHalfUp(balanceDays * BigInt(ratePpm), DAY_COUNT * PPM)),
  }
}

/** the latest June 30 strictly before `date` (the last settlement day whose interest is credited) */
export function lastSettlementDay(date: IsoDate): IsoDate {
  const p = parseIsoDate(date)
  if (!p) throw new RangeError(`不是有效的日期：${date}`)
  return formatIsoDate({ year: p.month > 6 ? p.year : p.year - 1, month: 6, day: 30 })
}

/**
 * 销户利息: interest from the later of the last June 30 and the opening date to the closing date,
 * paid with the balance on a closing withdrawal (个人账户余额 + 销户利息 = 提取金额合计).
 */
export function closingInterest(input: DepositInterestInput & { closingDate: IsoDate }): InterestAccrual {
  return accrue(maxDate(lastSettlementDay(input.closingDate), input.openedOn), input.closingDate, input)
}

/** 年终结息 for the year ending June 30 of `year` (credited on July 1 of `year`) */
export function yearlySettlementInterest(input: DepositInterestInput & { year: number }): InterestAccrual {
  const from = formatIsoDate({ year: input.year - 1, month: 6, day: 30 })
  const to = formatIsoDate({ year: input.year, month: 6, day: 30 })
  return accrue(maxDate(from, input.openedOn), to, input)
}
