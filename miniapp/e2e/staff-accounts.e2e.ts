import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { DEMO_STAFF_PASSWORD } from '../../functions/src/seed/demo'
import { launch, phone, settled, shot, skipAfterFailure, vis } from './browser'

/**
 * Issue 13, 账号管理: the console has its own entry (/admin/), title and no depositor tab bar. The
 * center admin of 阿勒泰 signs in at a desk (1440×900) and creates a reviewer; the reviewer signs in
 * on a phone (375×812), must change the password first, and then reaches the queue. Nothing on the
 * way runs a script from text (an alert would fail the test).
 */
let browser: Browser
let desk: BrowserContext
let admin: Page
let reviewer: Page

const USERNAME = `r${Date.now().toString(36)}`
const INITIAL = 'Desk@2026a'
const MINE = 'Mine@2026b'
const consoleUrl = () => `${inject('e2e').webUrl}/admin/`

function noScriptsFromText(p: Page) {
  p.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`)
  })
}

async function signIn(p: Page, username: string, password: string) {
  await p.goto(consoleUrl())
  await vis(p, '.admin-login__username input').waitFor()
  await settled(p)
  await vis(p, '.admin-login__username input').fill(username)
  await vis(p, '.admin-login__password input').fill(password)
  await vis(p, '.admin-login__submit .nut-button').tap()
}

beforeAll(async () => {
  browser = await launch()
  desk = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  admin = await desk.newPage()
  noScriptsFromText(admin)
})

afterAll(async () => {
  await browser?.close()
})

skipAfterFailure('staff', () => ({ admin, ...(reviewer ? { reviewer } : {}) }))

describe('the console at /admin/', () => {
  test('opens on its own sign-in page with its own title and no depositor tab bar', async () => {
    await admin.goto(consoleUrl())
    await vis(admin, '.admin-login__username input').waitFor()
    await settled(admin)
    expect(admin.url()).toContain('/admin/#/packages/admin/login/index')
    await expect(admin.locator('.taro-tabbar__tabbar').locator('visible=true').count()).resolves.toBe(0)
    await expect(admin.textContent('.admin-login__title')).resolves.toBe('业务管理控制台')
    await shot(admin, 'staff-01-login-1440')
  })
})

describe('a center admin of 阿勒泰 at a desk', () => {
  test('signs in and lands on 账号管理, with 操作日志 beside it', async () => {
    await signIn(admin, 'altay.admin', DEMO_STAFF_PASSWORD)
    await vis(admin, '.staff-new__username input').waitFor()
    await settled(admin)
    const sections = await admin.locator('.console-nav__item').locator('visible=true').allTextContents()
    expect(sections).toEqual(['账号管理', '操作日志'])
  })

  test('creates a reviewer with an initial password', async () => {
    await vis(admin, '.staff-new__username input').fill(USERNAME)
    await vis(admin, '.staff-new__name input').fill('新审批员')
    await vis(admin, '.staff-new__password input').fill(INITIAL)
    await vis(admin, '.staff-new__submit').tap()
    const row = vis(admin, `.staff-row--${USERNAME}`)
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('待修改密码')
    await settled(admin)
    await shot(admin, 'staff-02-created-1440')
  })

  test('reads the creation in 操作日志', async () => {
    await vis(admin, '.console-nav__item--audit').tap()
    await vis(admin, '.audit-row').first().waitFor()
    await settled(admin)
    await expect(vis(admin, '.audit-row').first().textContent()).resolves.toContain(USERNAME)
    await shot(admin, 'staff-03-audit-1440')
  })
})

describe('the new reviewer on a phone', () => {
  test('signs in, must change the password, then reaches the queue', async () => {
    reviewer = (await phone(browser)).page
    noScriptsFromText(reviewer)
    await signIn(reviewer, USERNAME, INITIAL)
    await vis(reviewer, '.staff-password__notice').waitFor()
    await settled(reviewer)
    await shot(reviewer, 'staff-04-must-change-375')
    await vis(reviewer, '.staff-password__oldPassword input').fill(INITIAL)
    await vis(reviewer, '.staff-password__newPassword input').fill(MINE)
    await vis(reviewer, '.staff-password__confirmPassword input').fill(MINE)
    await vis(reviewer, '.staff-password__submit').tap()
    await reviewer.waitForURL(/packages\/admin\/queue\/index/)
    await settled(reviewer)
    await expect(reviewer.locator('.taro-tabbar__tabbar').locator('visible=true').count()).resolves.toBe(0)
    await shot(reviewer, 'staff-05-queue-375')
  })
})
