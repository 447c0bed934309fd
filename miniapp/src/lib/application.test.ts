import { describe, expect, test } from 'vitest'
import { amountLabel, dataRows } from './application'

describe('how an application reads, for the depositor and the reviewer alike', () => {
  test.each([
    ['retirement', '提取金额合计'],
    ['termination', '提取金额合计'],
    ['rent', '提取金额'],
    ['loanRepayment', '提取金额'],
    ['prepayPart', '提前还款金额'],
    ['settle', '支取公积金还款金额'],
    ['monthlyDeduction', null],
  ] as const)('the amount of %s is called %s', (kind, label) => {
    expect(amountLabel(kind)).toBe(label)
  })

  test('a commercial loan repayment names the bank and the contract', () => {
    // Act
    const rows = dataRows({
      kind: 'loanRepayment',
      loan: { source: 'commercial', lenderName: '中国建设银行', contractNo: 'HT-2020-001' },
      amountFen: 500_000,
      bankCardId: 'B1',
    })
    // Assess
    expect(rows).toEqual([
      ['贷款来源', '商业贷款'],
      ['贷款银行', '中国建设银行'],
      ['借款合同编号', 'HT-2020-001'],
    ])
  })

  test('a loan of the own center is named as the form names it', () => {
    const rows = dataRows({
      kind: 'loanRepayment',
      loan: { source: 'ownCenter' },
      amountFen: 500_000,
      bankCardId: 'B1',
    })
    expect(rows).toEqual([['贷款来源', '本中心公积金贷款']])
  })

  test('rent shows the address, the monthly rent in yuan and the months', () => {
    const rows = dataRows({
      kind: 'rent',
      rentAddress: '阿勒泰市解放路1号',
      monthlyRentFen: 150_000,
      months: 6,
      amountFen: 900_000,
      bankCardId: 'B1',
    })
    expect(rows).toEqual([
      ['租房地址', '阿勒泰市解放路1号'],
      ['月租金', '1,500.00 元'],
      ['租房月数', '6 个月'],
    ])
  })
})
