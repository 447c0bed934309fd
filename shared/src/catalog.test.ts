import { describe, expect, test } from 'vitest'
import {
  APPLICATION_KINDS,
  archiveCategoriesFor,
  CLOSING_WITHDRAWAL_KINDS,
  counterMessage,
  defaultPolicy,
  informationLimit,
  isOpen,
  KINDS,
  missingCategories,
  noticeFor,
  partialLimitsOf,
  WITHDRAWAL_KINDS,
} from './catalog'
import { centerPolicySchema } from './catalog-schemas'

const required = (kind: (typeof APPLICATION_KINDS)[number]) =>
  KINDS[kind].archiveCategories.map((c) => `${c.name}${c.required ? '' : '(可选)'}`)

describe('the catalog', () => {
  test.each([
    ['retirement', '离、退休提取', '0201', true],
    ['termination', '终止劳动关系提取', '0205', true],
    ['rent', '房租提取', '0105', false],
    ['propertyFee', '物业管理费提取', '0106', false],
    ['loanRepayment', '偿还购房贷款本息提取', '0102', false],
  ] as const)('%s is %s with code %s (closing: %s)', (kind, name, code, closing) => {
    expect(KINDS[kind]).toMatchObject({ kind, name, code, closing, group: 'withdrawal' })
  })

  test('the closing kinds are exactly those that close the account', () => {
    expect(WITHDRAWAL_KINDS.filter((k) => KINDS[k].closing)).toEqual([...CLOSING_WITHDRAWAL_KINDS])
  })

  test('archive categories follow the business rules', () => {
    expect(required('retirement')).toEqual(['身份证', '离、退休证明', '银行卡'])
    expect(required('termination')).toEqual(['身份证', '终止（解除）劳动关系证明', '银行卡'])
    expect(required('rent')).toEqual(['身份证', '房屋租赁合同', '租金发票', '无房声明(可选)'])
    expect(required('propertyFee')).toEqual(['身份证', '不动产权证书或购房合同', '物业费发票'])
    expect(required('loanRepayment')).toEqual(['身份证', '购房合同', '借款合同', '还款凭证'])
    expect(required('prepayPart')).toEqual(['身份证', '还款资金来源证明(可选)'])
    expect(required('monthlyDeduction')).toEqual(['身份证', '还款银行卡(可选)'])
    expect(required('settle')).toEqual(['身份证', '还款资金来源证明(可选)'])
  })

  test('the retirement certificate becomes optional when the age is reached', () => {
    const waived = archiveCategoriesFor('retirement', defaultPolicy, { retirementAgeReached: true })

    expect(missingCategories(waived, ['idCard', 'bankCard'])).toEqual([])
    expect(missingCategories(archiveCategoriesFor('retirement'), ['idCard', 'bankCard']).map((c) => c.key)).toEqual([
      'retirementCertificate',
    ])
  })

  test('category keys are unique within each kind', () => {
    for (const kind of APPLICATION_KINDS) {
      const keys = KINDS[kind].archiveCategories.map((c) => c.key)
      expect(new Set(keys).size, kind).toBe(keys.length)
    }
  })

  test('every kind has a notice that states its own limits', () => {
    for (const kind of APPLICATION_KINDS) {
      const notice = noticeFor(kind)
      expect(notice.title).toBe(`${KINDS[kind].name}须知`)
      expect(notice.paragraphs.length).toBeGreaterThanOrEqual(3)
    }
    expect(noticeFor('rent').paragraphs.join()).toContain('每月1,500.00元 × 租房月数（最多12个月）')
    expect(noticeFor('propertyFee').paragraphs.join()).toContain('不超过3,000.00元')
    expect(noticeFor('termination').paragraphs.join()).toContain('封存满6个月')
    expect(noticeFor('monthlyDeduction').paragraphs.join()).toContain('不少于6期月供')
    expect(noticeFor('retirement').paragraphs.join()).toContain('300,000.00元')
  })

  test('a center policy can close kinds and replace limits, categories and notices', () => {
    const policy = centerPolicySchema.parse({
      ...defaultPolicy,
      openKinds: ['retirement', 'rent'],
      rent: { monthlyCapFen: 100_000, maxMonths: 6, onceEveryMonths: 12 },
      notices: { settle: { title: '提前结清须知', paragraphs: ['请到柜台办理。'] } },
      archiveCategories: { rent: [{ key: 'idCard', name: '身份证', required: true }] },
    })

    expect(isOpen('rent', policy)).toBe(true)
    expect(isOpen('termination', policy)).toBe(false)
    expect(noticeFor('rent', policy).paragraphs.join()).toContain('每月1,000.00元 × 租房月数（最多6个月）')
    expect(noticeFor('settle', policy).paragraphs).toEqual(['请到柜台办理。'])
    expect(archiveCategoriesFor('rent', policy)).toHaveLength(1)
  })

  test('the default policy is valid data and opens every kind', () => {
    expect(centerPolicySchema.parse(defaultPolicy)).toEqual(defaultPolicy)
    expect(APPLICATION_KINDS.every((k) => isOpen(k))).toBe(true)
  })

  test('a stored policy with an unknown kind is refused', () => {
    expect(centerPolicySchema.safeParse({ ...defaultPolicy, openKinds: ['lottery'] }).success).toBe(false)
  })
})

describe("the partial withdrawals' own limits", () => {
  const limits = partialLimitsOf(defaultPolicy)

  test.each([
    [120_000, 6, 720_000, '房租提取金额不能超过7,200.00元（每月最多1,500.00元）'],
    [200_000, 6, 900_000, '房租提取金额不能超过9,000.00元（每月最多1,500.00元）'],
    [150_000, 12, 1_800_000, '房租提取金额不能超过18,000.00元（每月最多1,500.00元）'],
  ])('房租 %i fen a month for %i months: at most %i fen', (monthlyRentFen, months, capFen, capMessage) => {
    expect(informationLimit({ kind: 'rent', monthlyRentFen, months }, limits)).toEqual({
      monthsError: null,
      capFen,
      capMessage,
    })
  })

  test("months over the policy are refused with the policy's number", () => {
    expect(informationLimit({ kind: 'rent', monthlyRentFen: 100_000, months: 13 }, limits).monthsError).toBe(
      '提取月数不能超过12个月',
    )
    const fee = informationLimit({ kind: 'propertyFee', months: 13 }, limits)
    expect(fee).toEqual({
      monthsError: '物业费最多提取12个月',
      capFen: 300_000,
      capMessage: '物业管理费提取每次不能超过3,000.00元',
    })
  })

  test("a center's own policy changes the figures and the words", () => {
    const own = partialLimitsOf({
      ...defaultPolicy,
      counterThresholdFen: 5_000_000,
      rent: { ...defaultPolicy.rent, monthlyCapFen: 100_000 },
    })
    expect(informationLimit({ kind: 'rent', monthlyRentFen: 150_000, months: 3 }, own).capFen).toBe(300_000)
    expect(counterMessage(own)).toBe('提取金额达到50,000.00元，请携带材料到中心柜台办理')
  })
})
