import { chinaToday } from '@gjj/shared/clock'
import { defaultRate, formatRatePercent } from '@gjj/shared/loan/rates'
import {
  buildCombinedSchedule,
  buildSchedule,
  type RepaymentMethod,
  type SchedulePeriod,
} from '@gjj/shared/loan/schedule'
import { formatWan, formatYuan } from '@gjj/shared/money'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launch, phone, settled, shot, webUrl } from './browser'

/**
 * Manual 5.1.2 房贷计算器 as a person would use it, without logging in: 25 万元 公积金贷款 over 30
 * years at a hand-typed 3.1%, the live figures, then 还款详情 with its totals, monthly rows by
 * year, 查看更多数据, the chart and the 等额本金 tab. Every figure is checked against shared's maths.
 */
let browser: Browser
let page: Page

const expected = (method: RepaymentMethod) =>
  buildSchedule({ principalFen: 25_000_000, annualRatePpm: 31_000, months: 360, method }, 'calculator')

const field = (name: string) => page.locator(`.calc__field--${name} taro-input-core > input`)

/** the five cells of a table row, as shown */
const cells = async (row: Locator) => (await row.locator('.detail__td').allTextContents()).map((t) => t.trim())

const shownRow = (p: SchedulePeriod) => [
  `${((p.period - 1) % 12) + 1}月`,
  formatYuan(p.principalFen),
  formatYuan(p.interestFen),
  formatYuan(p.remainingPrincipalFen),
  formatYuan(p.remainingPayableFen),
]

beforeAll(async () => {
  browser = await launch()
  ;({ page } = await phone(browser))
})

afterAll(async () => {
  await browser?.close()
})

describe('the 房贷计算器', () => {
  test('prefills the rate from the dated table and computes 支付利息 and 还款总额 as the person types', async () => {
    await page.goto(webUrl('/packages/tools/calculator/index'))
    await settled(page)
    const today = chinaToday()
    await expect(field('rate').inputValue()).resolves.toBe(
      formatRatePercent(defaultRate({ kind: 'fund', years: 30, date: today })),
    )
    await expect(page.locator('.calc__interest').textContent()).resolves.toBe('--')

    await page.locator('.calc__type .nut-radio', { hasText: '商业' }).tap()
    await expect(field('rate').inputValue()).resolves.toBe(
      formatRatePercent(defaultRate({ kind: 'commercial', years: 30, date: today })),
    )
    await page.locator('.calc__type .nut-radio', { hasText: '公积金' }).tap()
    await field('amount').fill('25')
    await field('years').fill('30')
    await field('rate').fill('3.1')
    // the method can change without losing the hand-typed rate
    await page.locator('.calc__method .nut-radio', { hasText: '等额本金' }).tap()
    await page.locator('.calc__method .nut-radio', { hasText: '等额本息' }).tap()
    await expect(field('rate').inputValue()).resolves.toBe('3.1')

    const schedule = expected('equalInstallment')
    await expect(page.locator('.calc__interest').textContent()).resolves.toBe(formatYuan(schedule.totalInterestFen))
    await expect(page.locator('.calc__total').textContent()).resolves.toBe(formatYuan(schedule.totalPaymentFen))
    expect(formatYuan(schedule.totalInterestFen)).toBe('134,314.76')
    await expect(page.locator('.calc__monthly').textContent()).resolves.toContain(
      formatYuan(schedule.periods[0]?.paymentFen ?? 0),
    )
    await expect(page.locator('.calc .field-error').count()).resolves.toBe(0)
    await shot(page, 'calculator')
  })

  test('opens 还款详情 with the totals and the first two years of monthly rows', async () => {
    await page.locator('.calc__submit .nut-button').tap()
    await page.locator('.detail__totals').waitFor()
    await settled(page)
    expect(page.url()).toContain('fundFen=25000000')
    expect(page.url()).toContain('fundRate=31000')

    const schedule = expected('equalInstallment')
    await expect(page.locator('.detail__total-value').allTextContents()).resolves.toEqual([
      formatWan(schedule.totalPaymentFen),
      formatWan(schedule.totalInterestFen),
      formatWan(schedule.principalFen),
      '360',
    ])
    await expect(page.locator('.detail__total-label').allTextContents()).resolves.toEqual([
      '总还款(万)',
      '总利息(万)',
      '总贷款(万)',
      '贷款月数',
    ])
    await expect(page.locator('.detail__year-title').allTextContents()).resolves.toEqual(['第1年', '第2年'])
    const rows = page.locator('.detail__year .detail__tr')
    await expect(rows.count()).resolves.toBe(24)
    for (const i of [0, 1, 11, 12, 23]) {
      await expect(cells(rows.nth(i))).resolves.toEqual(shownRow(schedule.periods[i] as SchedulePeriod))
    }
    await shot(page, 'calculator-detail')
  })

  test('查看更多数据 loads the next years', async () => {
    await page.getByText('查看更多数据').tap()
    await expect(page.locator('.detail__year-title').allTextContents()).resolves.toEqual([
      '第1年',
      '第2年',
      '第3年',
      '第4年',
    ])
    const rows = page.locator('.detail__year .detail__tr')
    await expect(rows.count()).resolves.toBe(48)
    const schedule = expected('equalInstallment')
    await expect(cells(rows.nth(24))).resolves.toEqual(shownRow(schedule.periods[24] as SchedulePeriod))
    await expect(cells(rows.nth(47))).resolves.toEqual(shownRow(schedule.periods[47] as SchedulePeriod))
  })

  test('draws one stacked column per year and the remaining principal', async () => {
    const chart = page.locator('.chart')
    await chart.scrollIntoViewIfNeeded()
    await expect(page.locator('.chart__plot--payments .chart__col').count()).resolves.toBe(30)
    await expect(page.locator('.chart__plot--remaining .chart__col').count()).resolves.toBe(30)
    // the remaining principal falls year by year
    const heights = await page
      .locator('.chart__bar--remaining')
      .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().height))
    expect(heights[0]).toBeGreaterThan(heights[29] as number)
    expect(heights.every((h, i) => i === 0 || h <= (heights[i - 1] as number))).toBe(true)

    await page.locator('.chart__plot--payments .chart__col').nth(9).tap()
    await expect(page.locator('.chart__picked-year').textContent()).resolves.toBe('第10年')
    await chart.evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await page.waitForTimeout(200)
    await shot(page, 'calculator-chart')
  })

  test('the 等额本金 tab shows its own totals and first row from the same inputs', async () => {
    await page.locator('.nut-tabs-titles-item', { hasText: '等额本金' }).tap()
    const schedule = expected('equalPrincipal')
    await expect
      .poll(() => page.locator('.detail__total-value').first().textContent())
      .toBe(formatWan(schedule.totalPaymentFen))
    await expect(page.locator('.detail__total-value').nth(1).textContent()).resolves.toBe(
      formatWan(schedule.totalInterestFen),
    )
    await page.locator('.detail__table').scrollIntoViewIfNeeded()
    const rows = page.locator('.detail__year .detail__tr')
    await expect(cells(rows.first())).resolves.toEqual(shownRow(schedule.periods[0] as SchedulePeriod))
    await expect(page.locator('.detail__year-title').count()).resolves.toBe(2)
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'calculator-detail-equal-principal')
  })

  test('a bad term shows its reason under the field and no figures', async () => {
    await page.goBack()
    await settled(page)
    await field('years').fill('40')
    await expect(page.locator('.calc__field--years .field-error').textContent()).resolves.toBe('贷款期限应为1至30年')
    await expect(page.locator('.calc__interest').textContent()).resolves.toBe('--')
    await expect(page.locator('.calc__total').textContent()).resolves.toBe('--')
    await field('years').fill('12.5')
    await expect(page.locator('.calc__field--years .field-error').textContent()).resolves.toBe('贷款期限应为整数年')
    await field('amount').fill('20000')
    await expect(page.locator('.calc__field--amount .field-error').textContent()).resolves.toBe(
      '贷款金额不能超过10000万元',
    )
    await page.locator('.calc__submit .nut-button').tap()
    await page.waitForTimeout(500)
    expect(page.url()).toContain('/packages/tools/calculator/index')
    await shot(page, 'calculator-error')
  })

  test('a 组合贷款 has a fund part and a commercial part, each at its own default rate', async () => {
    await page.locator('.calc__type .nut-radio', { hasText: '组合' }).tap()
    await field('amount').fill('25')
    await field('commercialAmount').fill('40')
    await field('years').fill('30')
    const today = chinaToday()
    const fundRate = defaultRate({ kind: 'fund', years: 30, date: today })
    const commercialRate = defaultRate({ kind: 'commercial', years: 30, date: today })
    await expect(field('rate').inputValue()).resolves.toBe(formatRatePercent(fundRate))
    await expect(field('commercialRate').inputValue()).resolves.toBe(formatRatePercent(commercialRate))
    const terms = (principalFen: number, annualRatePpm: number) => ({
      principalFen,
      annualRatePpm,
      months: 360,
      method: 'equalInstallment' as const,
    })
    const schedule = buildCombinedSchedule(
      { fund: terms(25_000_000, fundRate), commercial: terms(40_000_000, commercialRate) },
      'calculator',
    )
    await expect(page.locator('.calc__interest').textContent()).resolves.toBe(formatYuan(schedule.totalInterestFen))
    await expect(page.locator('.calc__total').textContent()).resolves.toBe(formatYuan(schedule.totalPaymentFen))
    await expect(page.locator('.calc .field-error').count()).resolves.toBe(0)
    await shot(page, 'calculator-combined')
  })

  test('a detail link with missing parameters says so instead of showing figures', async () => {
    await page.goto(webUrl('/packages/tools/calculator-detail/index?type=fund&years=30'))
    await settled(page)
    await expect(page.locator('.load-error__text').textContent()).resolves.toBe(
      '计算参数不完整，请返回房贷计算器重新计算',
    )
    await expect(page.locator('.detail__totals').count()).resolves.toBe(0)
  })
})
