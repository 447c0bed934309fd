import type { IsoDate } from '../date'

/**
 * Loan rates and the dated default-rate table.
 *
 * Representation: an annual rate is an integer number of ppm (millionths = 1/100 of a basis
 * point): 2.6% = 26_000, 3.075% = 30_750, 4.9% = 49_000. Integers are exact, compare with `<`,
 * store in DynamoDB and JSON as plain numbers, and cover every published rate (which have at most
 * four decimals in percent). Fields holding one end in `RatePpm`. Text at the edges goes through
 * parseRatePercent / formatRatePercent.
 */
export type RatePpm = number

export type LoanKind = 'fund' | 'commercial'

interface FundRates {
  effectiveFrom: IsoDate
  firstHomeUpTo5Years: RatePpm
  firstHomeOver5Years: RatePpm
  /** second home: the national floor (不低于), used as the default */
  secondHomeUpTo5Years: RatePpm
  secondHomeOver5Years: RatePpm
}

interface LprRates {
  effectiveFrom: IsoDate
  oneYear: RatePpm
  fiveYear: RatePpm
}

/**
 * 个人住房公积金贷款利率 (PBOC announcements), newest first. Second-home rates are 1.1× the
 * first-home rate (2015), held unchanged on 2022-10-01, then lowered with the first-home rates.
 */
export const FUND_RATES: readonly FundRates[] = [
  {
    effectiveFrom: '2025-05-08',
    firstHomeUpTo5Years: 21_000,
    firstHomeOver5Years: 26_000,
    secondHomeUpTo5Years: 25_250,
    secondHomeOver5Years: 30_750,
  },
  {
    effectiveFrom: '2024-05-18',
    firstHomeUpTo5Years: 23_500,
    firstHomeOver5Years: 28_500,
    secondHomeUpTo5Years: 27_750,
    secondHomeOver5Years: 33_250,
  },
  {
    effectiveFrom: '2022-10-01',
    firstHomeUpTo5Years: 26_000,
    firstHomeOver5Years: 31_000,
    secondHomeUpTo5Years: 30_250,
    secondHomeOver5Years: 35_750,
  },
  {
    effectiveFrom: '2015-08-26',
    firstHomeUpTo5Years: 27_500,
    firstHomeOver5Years: 32_500,
    secondHomeUpTo5Years: 30_250,
    secondHomeOver5Years: 35_750,
  },
]

/** 贷款市场报价利率 LPR (1-year and over-5-year), newest first */
export const LPR_RATES: readonly LprRates[] = [
  { effectiveFrom: '2025-05-20', oneYear: 30_000, fiveYear: 35_000 },
  { effectiveFrom: '2024-10-21', oneYear: 31_000, fiveYear: 36_000 },
  { effectiveFrom: '2024-07-22', oneYear: 33_500, fiveYear: 38_500 },
  { effectiveFrom: '2024-02-20', oneYear: 34_500, fiveYear: 39_500 },
]

function entryOn<T extends { effectiveFrom: IsoDate }>(table: readonly T[], date: IsoDate, what: string): T {
  const entry = table.find((e) => e.effectiveFrom <= date)
  if (!entry) throw new RangeError(`没有 ${date} 的${what}`)
  return entry
}

export interface DefaultRateQuery {
  kind: LoanKind
  /** loan term in years; up to and including 5 years uses the short-term rate */
  years: number
  /** the day the rate applies (usually today) */
  date: IsoDate
  /** 第二套住房 (provident fund loans only; commercial loans price the second home by contract) */
  secondHome?: boolean
}

/**
 * The rate a calculator starts with (the person may change it). Provident fund loans: the table
 * above. Commercial loans: the LPR without a spread (the spread is per contract) — the 1-year LPR
 * for terms up to 5 years, the 5-year LPR beyond.
 */
export function defaultRate({ kind, years, date, secondHome = false }: DefaultRateQuery): RatePpm {
  const short = years <= 5
  if (kind === 'commercial') {
    const lpr = entryOn(LPR_RATES, date, '贷款市场报价利率')
    return short ? lpr.oneYear : lpr.fiveYear
  }
  const fund = entryOn(FUND_RATES, date, '公积金贷款利率')
  if (secondHome) return short ? fund.secondHomeUpTo5Years : fund.secondHomeOver5Years
  return short ? fund.firstHomeUpTo5Years : fund.firstHomeOver5Years
}

/** the highest rate a calculator accepts: 30% a year (issue 3: a rate over 30% is refused) */
export const MAX_RATE_PPM: RatePpm = 300_000

export type ParseRateResult = { ok: true; value: RatePpm } | { ok: false; message: string }

/** "2.6" or "2.6%" (percent, up to 4 decimals) → 26_000 */
export function parseRatePercent(input: string): ParseRateResult {
  const text = input.trim().replace(/\s*[%％]$/, '')
  if (text === '') return { ok: false, message: '请输入年利率' }
  const m = /^(\d{1,3})(?:\.(\d*))?$/.exec(text)
  if (!m) return { ok: false, message: '年利率格式不正确，请输入百分数，如 3.1' }
  const fraction = m[2] ?? ''
  if (fraction.length > 4) return { ok: false, message: '年利率最多四位小数' }
  const value = Number(m[1]) * 10_000 + Number(fraction.padEnd(4, '0'))
  if (value <= 0 || value > MAX_RATE_PPM) return { ok: false, message: '年利率应大于0%且不超过30%' }
  return { ok: true, value }
}

/** 26_000 → "2.6", 30_750 → "3.075", 35_000 → "3.5" (percent, trailing zeros dropped) */
export function formatRatePercent(ratePpm: RatePpm): string {
  const whole = Math.trunc(ratePpm / 10_000)
  const fraction = String(ratePpm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}
