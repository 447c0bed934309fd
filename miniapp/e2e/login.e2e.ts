import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launch, phone, popupSettled, settled, shot, webUrl } from './browser'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launch()
  ;({ page } = await phone(browser))
})

afterAll(async () => {
  await browser?.close()
})

describe('the login page', () => {
  test('lists the centers from the API and lets the person pick 阿勒泰地区住房公积金管理中心', async () => {
    await page.goto(webUrl('/pages/login/index'))
    await settled(page)
    await page.locator('.login__center').tap()
    const altay = page.locator('.center-list__item', { hasText: '阿勒泰地区住房公积金管理中心' })
    await altay.waitFor()
    await expect(page.locator('.center-list__item').count()).resolves.toBe(15)
    await popupSettled(page)
    await shot(page, 'login-center-list')

    await altay.tap()
    await page.locator('.nut-overlay').waitFor({ state: 'hidden' })
    await expect(page.locator('.login__center').textContent()).resolves.toContain('阿勒泰地区住房公积金管理中心')
    await shot(page, 'login-center-chosen')
  })
})
