import { daysBetween, type IsoDate } from '../date'
import { divHalfUp, PPM } from './arith'
import type { RatePpm } from './rates'

/**
 * 罚息 on an overdue installment: the overdue principal × the contract rate × 1.5 / 360 for each
 * day past the due date, rounded half-up to the fen (the usual provident fund contract term).
 */
export const PENALTY_FACTOR_PERMILLE = 1500

export function overdueDays(dueDate: IsoDate, on: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, on))
}

export function penaltyFen(principalFen: number, annualRatePpm: RatePpm, days: number): number {
  if (days <= 0 || principalFen <= 0) return 0
  const numerator = BigInt(principalFen) * BigInt(annualRatePpm) * BigInt(PENALTY_FACTOR_PERMILLE) * BigInt(days)
  return Number(divHalfUp(numerator, PPM * BigInt(1000) * BigInt(360)))
}
