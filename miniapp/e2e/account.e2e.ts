import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest'
import { DEMO_PASSWORD, demoPeople } from '../../functions/src/seed/demo'
import { launch, phone, popupSettled, settled, shot, webUrl } from './browser'

/**
 * Issue 4 as a person would do it: the 阿勒泰 depositor with a loan logs in (first-login
 * verification through the local verifier), walks 账户查询 → 我的贷款 → 还款明细 → 还款计划 → 逾期,
 * then 我 → 个人中心 → 退出当前账号; the old token is refused afterwards.
 */
const wang = demoPeople[0] as (typeof demoPeople)[number]
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launch()
  ;({ page } = await phone(browser))
})

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(page, `account-failed-${ctx.task.name.slice(0, 20)}`)
})

afterAll(async () => {
  await browser?.close()
})

/** taps the visible element with exactly this text (pages left behind stay in the DOM, hidden) */
const tapText = async (text: string) => {
  await page.getByText(text, { exact: true }).locator('visible=true').first().tap()
}

async function back() {
  await page.goBack()
  await settled(page)
  await page.waitForTimeout(300)
}

describe('a depositor with a loan', () => {
  let token = ''

  test('logs in at 阿勒泰 and passes first-login verification with 支付宝登录', async () => {
    await page.goto(webUrl('/pages/login/index'))
    await settled(page)
    await page.locator('.login__center').tap()
    await page.locator('.center-list__item', { hasText: '阿勒泰地区住房公积金管理中心' }).tap()
    await page.locator('.nut-overlay').waitFor({ state: 'hidden' })
    await page.locator('.login__account input').fill(wang.phone)
    await page.locator('.login__password input').fill(DEMO_PASSWORD)
    await shot(page, 'account-01-login-filled')
    await page.locator('.login__submit button, .login__submit .nut-button').first().tap()
    await page.getByText('首次登录验证').waitFor()
    await popupSettled(page)
    await shot(page, 'account-02-first-login-verification')
    await page.locator('.verify__alipay').tap()
    await page.getByText('公积金账户查询').waitFor()
    await settled(page)
    token = await page.evaluate(() => {
      const raw = localStorage.getItem('gjj.session') ?? ''
      try {
        return (JSON.parse(raw) as { data: string }).data
      } catch {
        return raw
      }
    })
    expect(token.length).toBeGreaterThan(20)
  })

  test('sees the fund account with balance and deposit history', async () => {
    await tapText('公积金账户查询')
    await page.locator('.fund__balance').waitFor()
    await page.locator('.expand').first().waitFor()
    await settled(page)
    await expect(page.locator('.fund__balance').textContent()).resolves.toMatch(/^[\d,]+\.\d\d$/)
    await expect(page.locator('.expand').count()).resolves.toBeGreaterThanOrEqual(10)
    await shot(page, 'account-03-fund')
    await back()
  })

  test('sees 我的贷款, expands one repayment, the plan and the overdue period', async () => {
    await tapText('我的贷款')
    await page.getByText('贷款还款明细').waitFor()
    await settled(page)
    await expect(page.getByText(wang.loan?.loanNo as string).count()).resolves.toBe(1)
    await shot(page, 'account-04-loan')

    await page.locator('.loan__link-repayments').tap()
    await page.locator('.expand').first().waitFor()
    await settled(page)
    await page.locator('.expand__head').first().tap()
    await page.getByText('还款来源').waitFor()
    await shot(page, 'account-05-repayments-expanded')
    await back()

    await page.locator('.loan__link-plan').tap()
    await page.getByText('第 1 期').waitFor()
    await settled(page)
    await page.locator('.expand__head').first().tap()
    await shot(page, 'account-06-plan')
    await back()

    await page.locator('.loan__link-overdue').tap()
    await page.getByText('逾期应还合计').waitFor()
    await settled(page)
    await shot(page, 'account-07-overdue')
    await back()
    await back()
  })

  test('opens 个人中心 from 我 and logs out; the old token is refused afterwards', async () => {
    await page.locator('[class*=tabbar]').getByText('我', { exact: true }).locator('visible=true').first().tap()
    await page.getByText(wang.name).first().waitFor()
    await settled(page)
    await shot(page, 'account-08-me')
    await page.locator('.me__header').tap()
    await page.getByText('证件号码').waitFor()
    await settled(page)
    await expect(page.getByText('138****0001').count()).resolves.toBe(1)
    await shot(page, 'account-09-profile')
    await back()

    await page.locator('.me__logout .nut-button').tap()
    await page.getByText('确定', { exact: true }).locator('visible=true').last().tap()
    await page.locator('.login__center').waitFor()
    await settled(page)
    await shot(page, 'account-10-logged-out')

    const { apiUrl } = inject('e2e')
    const res = await fetch(`${apiUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(401)
  })
})
