import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest'
import { demoPeople } from '../../functions/src/seed/demo'
import { back, launch, modalOk, phone, settled, shot, tab, tapText } from './browser'
import { loginDepositor } from './people'

/**
 * Issue 4 as a person would do it: the 阿勒泰 depositor with a loan logs in (first-login
 * verification through the local verifier), walks 账户查询 → 我的贷款 → 还款明细 → 还款计划 → 逾期,
 * then 我 → 个人中心 → 退出当前账号; the old token is refused afterwards.
 */
/** 陈志强: the demo loan with an overdue period (王冬冬's has none since issue 12: he does 提前还本) */
const chen = demoPeople.find((p) => p.name === '陈志强') as (typeof demoPeople)[number]
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

/** back, and a moment more for the page underneath */
async function stepBack() {
  await back(page)
  await page.waitForTimeout(300)
}

describe('a depositor with a loan', () => {
  let token = ''

  test('logs in at 阿勒泰 and passes first-login verification with 支付宝登录', async () => {
    token = await loginDepositor(page, chen, {
      filled: 'account-01-login-filled',
      verification: 'account-02-first-login-verification',
    })
  })

  test('sees the fund account with balance and deposit history', async () => {
    await tapText(page, '公积金账户查询')
    await page.locator('.fund__balance').waitFor()
    await page.locator('.expand').first().waitFor()
    await settled(page)
    await expect(page.locator('.fund__balance').textContent()).resolves.toMatch(/^[\d,]+\.\d\d$/)
    await expect(page.locator('.expand').count()).resolves.toBeGreaterThanOrEqual(10)
    await shot(page, 'account-03-fund')
    await stepBack()
  })

  test('sees 我的贷款, expands one repayment, the plan and the overdue period', async () => {
    await tapText(page, '我的贷款')
    await page.getByText('贷款还款明细').waitFor()
    await settled(page)
    await expect(page.getByText(chen.loan?.loanNo as string).count()).resolves.toBe(1)
    await shot(page, 'account-04-loan')

    await page.locator('.loan__link-repayments').tap()
    await page.locator('.expand').first().waitFor()
    await settled(page)
    await page.locator('.expand__head').first().tap()
    await page.getByText('还款来源').waitFor()
    await shot(page, 'account-05-repayments-expanded')
    await stepBack()

    await page.locator('.loan__link-plan').tap()
    await page.getByText('第 1 期').waitFor()
    await settled(page)
    await page.locator('.expand__head').first().tap()
    await shot(page, 'account-06-plan')
    await stepBack()

    await page.locator('.loan__link-overdue').tap()
    await page.getByText('逾期应还合计').waitFor()
    await settled(page)
    await shot(page, 'account-07-overdue')
    await stepBack()
    await stepBack()
  })

  test('opens 个人中心 from 我 and logs out; the old token is refused afterwards', async () => {
    await tab(page, '我')
    await page.getByText(chen.name).first().waitFor()
    await settled(page)
    await shot(page, 'account-08-me')
    await page.locator('.me__header').tap()
    await page.getByText('证件号码').waitFor()
    await settled(page)
    await expect(page.getByText('138****0006').count()).resolves.toBe(1)
    await shot(page, 'account-09-profile')
    await stepBack()

    await page.locator('.me__logout .nut-button').tap()
    await modalOk(page).tap()
    await page.locator('.login__center').waitFor()
    await settled(page)
    await shot(page, 'account-10-logged-out')

    const { apiUrl } = inject('e2e')
    const res = await fetch(`${apiUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(401)
  })
})
