import { describe, expect, test } from 'vitest'
import { formatInstant, formatSize } from '../../../lib/format'
import { DEFAULT_FILTERS, filtersKey, hasNarrowing, queueQuery } from './filters'
import { amountLabel, dataRows } from './format'

describe('the queue query', () => {
  test('asks for 待审批 by default, 20 at a time, with nothing else', () => {
    // Act
    const query = queueQuery(DEFAULT_FILTERS)
    // Assess
    expect(query).toEqual({ status: 'submitted', limit: 20 })
    expect(hasNarrowing(DEFAULT_FILTERS)).toBe(false)
  })

  test('carries kind, date range, trimmed search words and the cursor of the next page', () => {
    // Prepare
    const filters = {
      status: 'returned' as const,
      kind: 'rent' as const,
      from: '2025-06-01',
      to: '2025-06-30',
      q: ' 张三 ',
    }
    // Act
    const query = queueQuery(filters, 'c2')
    // Assess
    expect(query).toEqual({
      status: 'returned',
      limit: 20,
      kind: 'rent',
      submittedFrom: '2025-06-01',
      submittedTo: '2025-06-30',
      q: '张三',
      cursor: 'c2',
    })
    expect(hasNarrowing(filters)).toBe(true)
  })

  test('leaves out blank search words, so they start no new list', () => {
    expect(queueQuery({ ...DEFAULT_FILTERS, q: '   ' })).not.toHaveProperty('q')
    expect(filtersKey({ ...DEFAULT_FILTERS, q: '   ' })).toBe(filtersKey(DEFAULT_FILTERS))
  })
})

describe('how the review shows an application', () => {
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
      ['偿还的贷款', '商业银行住房贷款'],
      ['贷款银行', '中国建设银行'],
      ['借款合同编号', 'HT-2020-001'],
    ])
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

  test('instants read as the Asia/Shanghai wall clock whatever offset they carry', () => {
    expect(formatInstant('2025-06-01T02:05:00Z')).toBe('2025-06-01 10:05')
    expect(formatInstant('2025-06-01T23:30:00+08:00')).toBe('2025-06-01 23:30')
    expect(formatInstant(null)).toBe('—')
  })

  test('file sizes read in KB below a megabyte and in MB above', () => {
    expect(formatSize(345_000)).toBe('337 KB')
    expect(formatSize(2_400_000)).toBe('2.3 MB')
  })
})
