import { defaultPolicy, partialLimitsOf } from '@gjj/shared/catalog'
import { describe, expect, test } from 'vitest'
import { type AmountLimits, amountCapFen, checkStepOne, emptyForm, stepOneRows, toData } from './apply-form'

const limits = partialLimitsOf(defaultPolicy)
const bounds = (maxAmountFen: number): AmountLimits => ({ maxAmountFen, limits })
const rent = { ...emptyForm, rentAddress: '阿勒泰市团结路 18 号', monthlyRent: '1200', months: '6', bankCardId: 'C1' }

describe('the 提取 form checks what the server checks, in the same words', () => {
  test('房租: the limit follows 月租金 × 月数 within the 1,500 元 monthly cap', () => {
    expect(amountCapFen('rent', rent, bounds(1_800_000))).toBe(720_000)
    expect(amountCapFen('rent', { ...rent, monthlyRent: '2000' }, bounds(1_800_000))).toBe(900_000)
    // the balance can be the smaller limit
    expect(amountCapFen('rent', rent, bounds(500_000))).toBe(500_000)
    // until the 提取信息 is valid, only the kind's limit is known
    expect(amountCapFen('rent', { ...rent, months: '' }, bounds(1_800_000))).toBe(1_800_000)
  })

  test('房租: over 月租金 × 月数 names the rule; at the cap it is accepted', () => {
    const over = toData('rent', { ...rent, amount: '7200.01' }, bounds(1_800_000))
    expect(over).toEqual({ ok: false, errors: { amountFen: '房租提取金额不能超过7,200.00元（每月最多1,500.00元）' } })
    const ok = toData('rent', { ...rent, amount: '7,200' }, bounds(1_800_000))
    expect(ok.ok && ok.data).toMatchObject({ kind: 'rent', monthlyRentFen: 120_000, months: 6, amountFen: 720_000 })
  })

  test('more months than the center allows is refused on the first step', () => {
    expect(checkStepOne('rent', { ...rent, months: '13' }, limits)).toEqual({ months: '提取月数不能超过12个月' })
    expect(checkStepOne('rent', { ...rent, months: '12' }, limits)).toEqual({})
    const fee = { ...emptyForm, propertyAddress: '阿勒泰市', months: '13' }
    expect(checkStepOne('propertyFee', fee, limits)).toEqual({ months: '物业费最多提取12个月' })
  })

  test('an amount at the counter threshold sends the person to the counter', () => {
    const loan = { ...emptyForm, bankCardId: 'C1', amount: '300000' }
    expect(toData('loanRepayment', loan, bounds(29_999_999))).toEqual({
      ok: false,
      errors: { amountFen: '提取金额达到300,000.00元，请携带材料到中心柜台办理' },
    })
    expect(toData('loanRepayment', { ...loan, amount: '250000.01' }, bounds(25_000_000))).toEqual({
      ok: false,
      errors: { amountFen: '金额不能超过可提取金额上限250,000.00元' },
    })
  })

  test('while editing (no bounds) only the amount format is checked here', () => {
    expect(toData('rent', { ...rent, amount: '9999' }).ok).toBe(true)
    expect(toData('rent', { ...rent, amount: '12.345' })).toEqual({
      ok: false,
      errors: { amountFen: '金额最多两位小数' },
    })
  })

  test('the checked 提取信息 reads above the amount as the application will read once saved', () => {
    expect(
      stepOneRows('rent', { ...emptyForm, rentAddress: ' 阿勒泰市解放路1号 ', monthlyRent: '1500', months: '6' }),
    ).toEqual([
      ['租房地址', '阿勒泰市解放路1号'],
      ['月租金', '1,500.00 元'],
      ['租房月数', '6 个月'],
    ])
    expect(stepOneRows('loanRepayment', { ...emptyForm, loanSource: 'ownCenter' })).toEqual([
      ['贷款来源', '本中心公积金贷款'],
    ])
  })
})
