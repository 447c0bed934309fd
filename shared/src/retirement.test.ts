import { describe, expect, test } from 'vitest'
import {
  type FemaleOriginalAge,
  formatRetirementAge,
  hasReachedRetirementAge,
  statutoryRetirementAge,
} from './retirement'
import type { Gender } from './validation'

/*
 * Known points of the table annexed to the 2024-09-13 decision (改革后法定退休年龄对照表):
 * men born 1965-01 retire at 60岁1个月 in 2025-02, 1965-05 at 60岁2个月 in 2025-07, 1976-09 and
 * later at 63; women (original 55) born 1970-01 at 55岁1个月, 1981-09 and later at 58; women
 * (original 50) born 1975-01 at 50岁1个月 in 2025-02, 1975-03 at 50岁2个月 in 2025-05, 1984-11
 * and later at 55. The points in between follow the formula in retirement.ts.
 */
describe('statutory retirement age', () => {
  test.each<[string, Gender, FemaleOriginalAge | undefined, string, string, string]>([
    ['man born before the reform', 'male', undefined, '1964-12-10', '60岁', '2024-12-10'],
    ['man, first month of the reform', 'male', undefined, '1965-01-15', '60岁1个月', '2025-02-15'],
    ['man, fourth month still one month', 'male', undefined, '1965-04-30', '60岁1个月', '2025-05-30'],
    ['man, fifth month two months', 'male', undefined, '1965-05-01', '60岁2个月', '2025-07-01'],
    ['man born 1971-01', 'male', undefined, '1971-01-01', '61岁7个月', '2032-08-01'],
    ['man born 1976-08', 'male', undefined, '1976-08-31', '62岁11个月', '2039-07-31'],
    ['man born 1976-09 reaches 63', 'male', undefined, '1976-09-01', '63岁', '2039-09-01'],
    ['man born 1990 stays at 63', 'male', undefined, '1990-03-31', '63岁', '2053-03-31'],
    ['woman (55) born before the reform', 'female', 55, '1969-12-31', '55岁', '2024-12-31'],
    ['woman (55), first month', 'female', 55, '1970-01-20', '55岁1个月', '2025-02-20'],
    ['woman (55) born 1981-08', 'female', 55, '1981-08-01', '57岁11个月', '2039-07-01'],
    ['woman (55) born 1981-09 reaches 58', 'female', 55, '1981-09-01', '58岁', '2039-09-01'],
    ['woman (50) born before the reform', 'female', 50, '1974-12-01', '50岁', '2024-12-01'],
    ['woman (50), first month', 'female', 50, '1975-01-01', '50岁1个月', '2025-02-01'],
    ['woman (50), third month', 'female', 50, '1975-03-01', '50岁2个月', '2025-05-01'],
    ['woman (50) born 1984-10', 'female', 50, '1984-10-01', '54岁11个月', '2039-09-01'],
    ['woman (50) born 1984-11 reaches 55', 'female', 50, '1984-11-01', '55岁', '2039-11-01'],
    ['woman of unknown original age counts as 55', 'female', undefined, '1990-11-06', '58岁', '2048-11-06'],
  ])('%s', (_, gender, femaleOriginalAge, birthDate, age, reachedOn) => {
    const result = statutoryRetirementAge({ birthDate, gender, ...(femaleOriginalAge ? { femaleOriginalAge } : {}) })

    expect(formatRetirementAge(result)).toBe(age)
    expect(result.reachedOn).toBe(reachedOn)
    expect(result.retirementMonth).toBe(reachedOn.slice(0, 7))
  })

  test('a birthday on the 31st reaches the age at the end of a shorter month', () => {
    expect(statutoryRetirementAge({ birthDate: '1965-01-31', gender: 'male' }).reachedOn).toBe('2025-02-28')
  })

  test.each([
    ['2025-02-14', false],
    ['2025-02-15', true],
  ])('a man born 1965-01-15 has reached it on %s: %s', (on, reached) => {
    expect(hasReachedRetirementAge({ birthDate: '1965-01-15', gender: 'male' }, on)).toBe(reached)
  })
})
