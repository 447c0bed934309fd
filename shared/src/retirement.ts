import { addMonths, type IsoDate, parseIsoDate } from './date'
import type { Gender } from './validation'

/**
 * 法定退休年龄 after the gradual reform (全国人大常委会 2024-09-13 决定, from 2025-01-01).
 *
 * Formula: take the months from the first affected birth month to the birth month,
 *   k = (birth year − first year) × 12 + (birth month − 1),
 * then the delay is 0 when k < 0, else min(cap, ⌊k / step⌋ + 1) months:
 *   - men, original 60:    first 1965-01, one month every 4 months, cap 36 (→ 63, born 1976-09 on)
 *   - women, original 55:  first 1970-01, one month every 4 months, cap 36 (→ 58, born 1981-09 on)
 *   - women, original 50:  first 1975-01, one month every 2 months, cap 60 (→ 55, born 1984-11 on)
 * Retirement age = original age + delay; the person reaches it on birth date + that many months
 * (clamped to the month's end). Flexible early/late retirement (弹性退休) and special types of work
 * are not modelled: those people upload a retirement certificate.
 *
 * Which original age applies to a woman (50 for workers, 55 for cadres) cannot be read from the ID
 * number; the default is 55, so a woman who retired at 50-based age uploads her certificate.
 */
export type FemaleOriginalAge = 50 | 55

interface ReformRule {
  originalAgeYears: number
  firstBirthYear: number
  monthsPerStep: number
  maxDelayMonths: number
}

const RULES: Record<'male' | 'female55' | 'female50', ReformRule> = {
  male: { originalAgeYears: 60, firstBirthYear: 1965, monthsPerStep: 4, maxDelayMonths: 36 },
  female55: { originalAgeYears: 55, firstBirthYear: 1970, monthsPerStep: 4, maxDelayMonths: 36 },
  female50: { originalAgeYears: 50, firstBirthYear: 1975, monthsPerStep: 2, maxDelayMonths: 60 },
}

export interface RetirementAge {
  /** 原法定退休年龄 */
  originalAgeYears: number
  /** 延迟月数 */
  delayMonths: number
  /** retirement age in months (60岁3个月 = 723) */
  ageMonths: number
  years: number
  months: number
  /** the day the age is reached */
  reachedOn: IsoDate
  /** 退休时间, 'YYYY-MM' */
  retirementMonth: string
}

export interface RetirementQuery {
  birthDate: IsoDate
  gender: Gender
  femaleOriginalAge?: FemaleOriginalAge
}

export function statutoryRetirementAge({ birthDate, gender, femaleOriginalAge = 55 }: RetirementQuery): RetirementAge {
  const birth = parseIsoDate(birthDate)
  if (!birth) throw new RangeError(`不是有效的出生日期：${birthDate}`)
  const rule = RULES[gender === 'male' ? 'male' : femaleOriginalAge === 50 ? 'female50' : 'female55']
  const k = (birth.year - rule.firstBirthYear) * 12 + (birth.month - 1)
  const delayMonths = k < 0 ? 0 : Math.min(rule.maxDelayMonths, Math.floor(k / rule.monthsPerStep) + 1)
  const ageMonths = rule.originalAgeYears * 12 + delayMonths
  const reachedOn = addMonths(birthDate, ageMonths)
  return {
    originalAgeYears: rule.originalAgeYears,
    delayMonths,
    ageMonths,
    years: Math.floor(ageMonths / 12),
    months: ageMonths % 12,
    reachedOn,
    retirementMonth: reachedOn.slice(0, 7),
  }
}

export function hasReachedRetirementAge(query: RetirementQuery, on: IsoDate): boolean {
  return on >= statutoryRetirementAge(query).reachedOn
}

/** "60岁3个月" / "63岁" */
export function formatRetirementAge({ years, months }: Pick<RetirementAge, 'years' | 'months'>): string {
  return months === 0 ? `${years}岁` : `${years}岁${months}个月`
}
