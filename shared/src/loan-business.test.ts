import { describe, expect, test } from 'vitest'
import type { LoanPosition } from './loan/prepay'
import { checkDeductionSigning } from './loan-business'
import { prepayAmountsSchema, settleAmountsSchema } from './loan-business-schemas'

const position: LoanPosition = {
  method: 'equalInstallment',
  annualRatePpm: 31_000,
  remainingPrincipalFen: 80_000_000,
  remainingMonths: 240,
  lastDueDate: '2025-03-20',
}
const prepay = prepayAmountsSchema({ position, balanceFen: 5_000_000, date: '2025-04-09' })
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []

describe('提前还本 amounts', () => {
  test.each([
    [0, 0, [['amountFen', '请输入大于0的金额']]],
    [-1, 0, [['amountFen', '请输入大于0的金额']]],
    [1_000_000.5, 0, [['amountFen', '金额格式不正确，最多精确到分']]],
    [400_000, 0, [['amountFen', '提前还款金额不能少于一期月供 4,476.94 元']]],
    [80_137_778, 0, [['amountFen', '提前还款金额已足以还清剩余本金，请办理提前结清']]],
    [1_000_000, 1_000_001, [['fundAmountFen', '支取金额不能超过提前还款金额 10,000.00 元']]],
    [6_000_000, 5_000_001, [['fundAmountFen', '支取金额不能超过公积金账户余额 50,000.00 元']]],
    [1_000_000, -1, [['fundAmountFen', '支取金额不能为负数']]],
  ])('%d with %d from the fund is refused on its field', (amountFen, fundAmountFen, expected) => {
    expect(issues(prepay.safeParse({ amountFen, fundAmountFen }))).toEqual(expected)
  })

  test('one month’s payment up to just under the remaining principal is accepted, funded up to the balance', () => {
    expect(prepay.safeParse({ amountFen: 447_694, fundAmountFen: 0 }).success).toBe(true)
    expect(prepay.safeParse({ amountFen: 80_137_777, fundAmountFen: 5_000_000 }).success).toBe(true)
  })
})

describe('提前结清 and 按月抵扣签约', () => {
  test('the fund part is at most the balance and the amount due', () => {
    const settle = settleAmountsSchema({ dueFen: 300_000, balanceFen: 200_000 })
    expect(settle.safeParse({ fundAmountFen: 200_000 }).success).toBe(true)
    expect(issues(settle.safeParse({ fundAmountFen: 200_001 }))).toEqual([
      ['fundAmountFen', '支取金额不能超过公积金账户余额 2,000.00 元'],
    ])
    const rich = settleAmountsSchema({ dueFen: 300_000, balanceFen: 900_000 })
    expect(issues(rich.safeParse({ fundAmountFen: 300_001 }))).toEqual([
      ['fundAmountFen', '支取金额不能超过应还总额 3,000.00 元'],
    ])
  })

  test('signing needs a 正常 account with 6 monthly payments', () => {
    const base = { accountStatus: '01', paymentFen: 200_000, minBalanceInPayments: 6 }
    expect(checkDeductionSigning({ ...base, balanceFen: 1_200_000 }).ok).toBe(true)
    expect(checkDeductionSigning({ ...base, balanceFen: 1_199_999 })).toEqual({
      ok: false,
      message: '签约需账户余额不少于6期月供（12,000.00元），当前余额11,999.99元',
    })
    expect(checkDeductionSigning({ ...base, accountStatus: '02', balanceFen: 9_000_000 }).ok).toBe(false)
  })
})
