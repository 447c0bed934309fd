import { buildCombinedSchedule, buildSchedule } from '@gjj/shared/loan/schedule'
import { describe, expect, test } from 'vitest'
import {
  type CalculatorForm,
  changeType,
  changeYears,
  checkForm,
  computeSchedule,
  fieldsOf,
  fromQuery,
  initialForm,
  parseRate,
  parseWan,
  parseYears,
  toQuery,
} from './form'

const TODAY = '2025-06-01'

const filled = (overrides: Partial<CalculatorForm> = {}): CalculatorForm => ({
  ...initialForm(TODAY),
  amount: '25',
  ...overrides,
})

describe('贷款金额 in 万元', () => {
  test.each([
    ['25', 25_000_000],
    ['25.5', 25_500_000],
    ['0.01', 10_000],
    [' 25万 ', 25_000_000],
    ['25万元', 25_000_000],
    ['１００', 100_000_000],
    ['1,000', 1_000_000_000],
    ['10000', 10_000_000_000],
  ])('%j reads as %i fen', (text, fen) => {
    expect(parseWan(text)).toEqual({ ok: true, value: fen })
  })

  test.each([
    ['', '请输入贷款金额'],
    ['0', '请输入大于0的贷款金额'],
    ['0.00', '请输入大于0的贷款金额'],
    ['-25', '贷款金额应大于0'],
    ['25.123', '贷款金额最多两位小数'],
    ['10000.01', '贷款金额不能超过10000万元'],
    ['99999999999999', '贷款金额不能超过10000万元'],
    ['abc', '贷款金额格式不正确，请输入数字，如 1234.56'],
    ['1e5', '贷款金额格式不正确，请输入数字，如 1234.56'],
  ])('%j is refused with "%s"', (text, message) => {
    expect(parseWan(text)).toEqual({ ok: false, message })
  })
})

describe('贷款期限 in whole years', () => {
  test.each([
    ['1', 1],
    ['30', 30],
    [' 20 ', 20],
    ['20年', 20],
    ['030', 30],
  ])('%j reads as %i years', (text, years) => {
    expect(parseYears(text)).toEqual({ ok: true, value: years })
  })

  test.each([
    ['', '请输入贷款期限'],
    ['0', '贷款期限应为1至30年'],
    ['31', '贷款期限应为1至30年'],
    ['-5', '贷款期限应为1至30年'],
    ['12.5', '贷款期限应为整数年'],
    ['20.', '贷款期限应为整数年'],
    ['abc', '贷款期限格式不正确，请输入整数年，如 30'],
  ])('%j is refused with "%s"', (text, message) => {
    expect(parseYears(text)).toEqual({ ok: false, message })
  })
})

describe('年利率 in percent', () => {
  test.each([
    ['3.1', 31_000],
    ['2.6%', 26_000],
    ['3.075', 30_750],
    ['30', 300_000],
  ])('%j reads as %i ppm', (text, ppm) => {
    expect(parseRate(text)).toEqual({ ok: true, value: ppm })
  })

  test.each([
    ['', '请输入年利率'],
    ['0', '年利率应大于0%且不超过30%'],
    ['-3', '年利率应大于0%且不超过30%'],
    ['30.5', '年利率应大于0%且不超过30%'],
    ['3.12345', '年利率最多四位小数'],
  ])('%j is refused with "%s"', (text, message) => {
    expect(parseRate(text)).toEqual({ ok: false, message })
  })
})

describe('the default rates', () => {
  test('a fresh form is 等额本息 公积金贷款 over 30 years at the table rate of the day', () => {
    expect(initialForm(TODAY)).toEqual({
      method: 'equalInstallment',
      type: 'fund',
      amount: '',
      commercialAmount: '',
      years: '30',
      rate: '2.6',
      commercialRate: '3.5',
    })
  })

  test('a shorter term brings the ≤5-year rates', () => {
    const form = changeYears(initialForm(TODAY), '5', TODAY)
    expect([form.rate, form.commercialRate]).toEqual(['2.1', '3'])
  })

  test('the commercial type brings the LPR, and 组合贷款 both rates', () => {
    const commercial = changeType(initialForm(TODAY), 'commercial', TODAY)
    expect(commercial.rate).toBe('3.5')
    const combined = changeType(commercial, 'combined', TODAY)
    expect([combined.rate, combined.commercialRate]).toEqual(['2.6', '3.5'])
  })

  test('a rate typed by hand sticks while the method or the amount change', () => {
    const form = { ...filled(), rate: '3.1', method: 'equalPrincipal' as const, amount: '30' }
    expect(form.rate).toBe('3.1')
    expect(changeType(form, 'fund', TODAY).rate).toBe('3.1')
    expect(changeYears(form, '30', TODAY).rate).toBe('3.1')
    expect(changeYears(form, '030', TODAY).rate).toBe('3.1')
  })

  test('a rate typed by hand goes back to the default when the term changes', () => {
    const form = { ...filled(), rate: '3.1' }
    expect(changeYears(form, '20', TODAY).rate).toBe('2.6')
  })

  test('a rate typed by hand goes back to the default when the type changes', () => {
    const form = { ...filled(), rate: '3.1' }
    expect(changeType(form, 'commercial', TODAY).rate).toBe('3.5')
  })

  test('while the term is being typed and not yet valid, the rates stay', () => {
    const form = { ...filled(), rate: '3.1' }
    expect(changeYears(form, '', TODAY).rate).toBe('3.1')
    expect(changeYears(form, '40', TODAY).rate).toBe('3.1')
  })

  test('the rate table is dated: before 2025-05-08 the 公积金 rate over 5 years was 2.85%', () => {
    expect(initialForm('2025-05-07').rate).toBe('2.85')
  })
})

describe('checking the form', () => {
  test('a good 公积金 form gives one part in fen and ppm', () => {
    expect(checkForm(filled({ rate: '3.1' }))).toEqual({
      ok: true,
      input: { type: 'fund', years: 30, parts: [{ kind: 'fund', principalFen: 25_000_000, annualRatePpm: 31_000 }] },
    })
  })

  test('a 商业贷款 is one commercial part', () => {
    const checked = checkForm(filled({ type: 'commercial', rate: '3.5' }))
    expect(checked.ok && checked.input.parts).toEqual([
      { kind: 'commercial', principalFen: 25_000_000, annualRatePpm: 35_000 },
    ])
  })

  test('a 组合贷款 has the fund part and the commercial part, each at its rate', () => {
    const checked = checkForm(filled({ type: 'combined', commercialAmount: '40', commercialRate: '3.5' }))
    expect(checked.ok && checked.input.parts).toEqual([
      { kind: 'fund', principalFen: 25_000_000, annualRatePpm: 26_000 },
      { kind: 'commercial', principalFen: 40_000_000, annualRatePpm: 35_000 },
    ])
  })

  test('every bad field has its message and nothing is computed', () => {
    const checked = checkForm(filled({ amount: '0', years: '31', rate: '30.5' }))
    expect(checked).toEqual({
      ok: false,
      errors: { amount: '请输入大于0的贷款金额', years: '贷款期限应为1至30年', rate: '年利率应大于0%且不超过30%' },
    })
  })

  test('the commercial fields are only checked for a 组合贷款', () => {
    expect(checkForm(filled({ commercialAmount: 'x' })).ok).toBe(true)
    expect(checkForm(filled({ type: 'combined', commercialAmount: '' }))).toEqual({
      ok: false,
      errors: { commercialAmount: '请输入贷款金额' },
    })
  })

  test.each([
    ['fund', ['amount', 'years', 'rate']],
    ['combined', ['amount', 'commercialAmount', 'years', 'rate', 'commercialRate']],
  ] as const)('a %s form shows the fields %j', (type, fields) => {
    expect(fieldsOf(type)).toEqual(fields)
  })
})

describe('the calculation', () => {
  test('25万, 30 years at 3.1%, 等额本息 is shared buildSchedule in calculator mode', () => {
    const checked = checkForm(filled({ rate: '3.1' }))
    if (!checked.ok) throw new Error('the form should be good')
    const schedule = computeSchedule(checked.input, 'equalInstallment')
    expect(schedule).toEqual(
      buildSchedule(
        { principalFen: 25_000_000, annualRatePpm: 31_000, months: 360, method: 'equalInstallment' },
        'calculator',
      ),
    )
    // the well-known figures: 1,067.54 a month, 134,314.76 interest
    expect(schedule.periods[0]?.paymentFen).toBe(106_754)
    expect(schedule.totalInterestFen).toBe(13_431_476)
  })

  test('a 组合贷款 is shared buildCombinedSchedule', () => {
    const checked = checkForm(filled({ type: 'combined', commercialAmount: '40', years: '20' }))
    if (!checked.ok) throw new Error('the form should be good')
    const terms = (principalFen: number, annualRatePpm: number) => ({
      principalFen,
      annualRatePpm,
      months: 240,
      method: 'equalPrincipal' as const,
    })
    expect(computeSchedule(checked.input, 'equalPrincipal')).toEqual(
      buildCombinedSchedule({ fund: terms(25_000_000, 26_000), commercial: terms(40_000_000, 35_000) }, 'calculator'),
    )
  })
})

describe('the detail page query', () => {
  test('carries integers and reads back to the same input', () => {
    const checked = checkForm(filled({ type: 'combined', commercialAmount: '40.5', rate: '3.1' }))
    if (!checked.ok) throw new Error('the form should be good')
    const query = toQuery(checked.input, 'equalPrincipal')
    expect(query).toBe(
      'type=combined&method=equalPrincipal&years=30&fundFen=25000000&fundRate=31000&commercialFen=40500000&commercialRate=35000',
    )
    const params = Object.fromEntries(new URLSearchParams(query))
    expect(fromQuery(params)).toEqual({ ok: true, input: checked.input, method: 'equalPrincipal' })
  })

  test.each([
    ['no parameters', {}],
    ['an unknown type', { type: 'car', years: '30', fundFen: '100', fundRate: '31000' }],
    ['31 years', { type: 'fund', years: '31', fundFen: '100', fundRate: '31000' }],
    ['a rate over the limit', { type: 'fund', years: '30', fundFen: '100', fundRate: '300001' }],
    ['a zero amount', { type: 'fund', years: '30', fundFen: '0', fundRate: '31000' }],
    ['a fractional amount', { type: 'fund', years: '30', fundFen: '1.5', fundRate: '31000' }],
    ['a 组合贷款 without its commercial part', { type: 'combined', years: '30', fundFen: '100', fundRate: '31000' }],
  ])('refuses %s', (_, params) => {
    expect(fromQuery(params)).toEqual({ ok: false, message: '计算参数不完整，请返回房贷计算器重新计算' })
  })
})
