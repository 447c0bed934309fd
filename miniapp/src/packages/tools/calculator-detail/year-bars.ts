import { groupByYear, type Schedule } from '@gjj/shared/loan/schedule'

/** one year of a schedule, as the chart draws it */
export interface YearBar {
  year: number
  principalFen: number
  interestFen: number
  /** 剩余本金 at the end of the year */
  remainingPrincipalFen: number
  /** the bar heights in percent of the chart: principal + interest stacked, remaining on its own */
  principalPct: number
  interestPct: number
  remainingPct: number
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0)

/**
 * Yearly sums of a schedule (the fen figures are exact sums of the displayed periods) and the bar
 * heights: payments against the largest yearly payment, the remaining principal against the loan.
 */
export function yearBars(schedule: Schedule): YearBar[] {
  const years = groupByYear(schedule.periods).map(({ year, periods }) => ({
    year,
    principalFen: periods.reduce((sum, p) => sum + p.principalFen, 0),
    interestFen: periods.reduce((sum, p) => sum + p.interestFen, 0),
    remainingPrincipalFen: periods[periods.length - 1]?.remainingPrincipalFen ?? 0,
  }))
  const highest = Math.max(0, ...years.map((y) => y.principalFen + y.interestFen))
  return years.map((y) => {
    // the stack's height is rounded once, so the two parts never add up past 100%
    const principalPct = pct(y.principalFen, highest)
    const stackPct = pct(y.principalFen + y.interestFen, highest)
    return {
      ...y,
      principalPct,
      interestPct: Math.max(0, Math.round((stackPct - principalPct) * 10) / 10),
      remainingPct: pct(y.remainingPrincipalFen, schedule.principalFen),
    }
  })
}

/** the years labelled under the bars: all of up to 10; else the first, every fifth, the last */
export function labelledYear(year: number, last: number): boolean {
  if (last <= 10) return true
  return year === 1 || year === last || (year % 5 === 0 && last - year >= 2)
}
