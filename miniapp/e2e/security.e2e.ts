import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { DemoPerson } from '../../functions/src/seed/demo'
import { idNumberOf } from '../../functions/src/seed/demo'
import { phoneDigest } from '../../functions/src/sms/local'
import { readOutbox } from '../../scripts/lib/sms-outbox'
import { localEnv } from '../../scripts/lib/stack'
import { launch, modalOk, openFromTab, phone, popupSettled, settled, shot, tab, tapText, vis, webUrl } from './browser'
import { loginDepositor } from './people'

/**
 * Account security end to end with the local SMS adapter (its outbox gives the codes): 修改手机号码
 * then login with the new number; APP password change ends another session; 12329 password change;
 * 忘记密码 then login. Each test has its own fresh person, made in the stack's table, so no demo
 * person another file relies on changes.
 */
const TEST_PASSWORD = 'Test@2026x'
const HOTLINE_PASSWORD = '246810'
let browser: Browser
let makePerson: () => Promise<DemoPerson>

beforeAll(async () => {
  const e = inject('e2e')
  Object.assign(process.env, localEnv(e.dynamoUrl, e.s3Url, e.tableName, e.bucketName, e.smsOutboxFile))
  const { makeDepositor } = await import('../../functions/test/factory')
  const { db, table } = await import('../../functions/src/repository/client')
  const { depositorKey } = await import('../../functions/src/repository/depositors')
  const { hashPassword } = await import('../../functions/src/lib/password')
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb')
  const hotline = await hashPassword(HOTLINE_PASSWORD)
  makePerson = async () => {
    const { person } = await makeDepositor()
    // a 12329 password as people have them: 6 digits (the hotline page's fields take digits only)
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: depositorKey(person.depositorId),
        UpdateExpression: 'SET hotlinePasswordHash = :h',
        ExpressionAttributeValues: { ':h': hotline },
      }),
    )
    return person
  }
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

/** the newest code the local SMS adapter "sent" to `phone`, waiting for it to arrive */
async function codeSentTo(phoneNumber: string, after: number): Promise<string> {
  const { smsOutboxFile } = inject('e2e')
  for (let i = 0; i < 50; i++) {
    const m = readOutbox(smsOutboxFile)
      .filter((x) => x.to === phoneDigest(phoneNumber) && Date.parse(x.at) >= after - 1000)
      .at(-1)
    if (m) return m.code
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('no SMS arrived')
}

const fill = (p: Page, selector: string, value: string) => vis(p, `${selector} input`).fill(value)
/** taps the NutUI cell titled exactly `title` on the visible page */
const tapCell = (p: Page, title: string) =>
  p
    .locator('.nut-cell')
    .filter({ has: p.getByText(title, { exact: true }) })
    .locator('visible=true')
    .first()
    .tap()
const tapButton = (p: Page, text: string) =>
  p.locator('.nut-button', { hasText: text }).locator('visible=true').first().tap()

describe('修改手机号码', () => {
  test('the new number gets a code, the change goes through, and the new number logs in', async () => {
    const person = await makePerson()
    const { page } = await phone(browser)
    await loginDepositor(page, person, undefined, 'face', { password: TEST_PASSWORD })

    await openFromTab(page, '业务办理', '修改手机号码')
    await vis(page, '.phone-old').waitFor()
    await settled(page)
    await expect(vis(page, '.phone-old').textContent()).resolves.toBe(
      `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`,
    )
    const newPhone = `137${person.phone.slice(3)}`
    await fill(page, '.phone-new', newPhone)
    const asked = Date.now()
    await tapButton(page, '获取验证码')
    await vis(page, '.sms-button', /秒后重新获取/).waitFor()
    const code = await codeSentTo(newPhone, asked)
    await page.getByText('验证码已发送').waitFor({ state: 'hidden' })
    await fill(page, '.phone-code', code)
    await shot(page, 'security-phone-filled')

    await tapButton(page, '提交')
    await page.getByText('修改成功').waitFor()
    await vis(page, '.taro-modal__title').waitFor()
    await page.waitForTimeout(800)
    await shot(page, 'security-phone-done')
    await modalOk(page).tap()

    await settled(page)
    await shot(page, 'security-phone-after')

    // the new number logs in at once (on another phone: a new device, so 刷脸 first)
    const other = await phone(browser)
    await loginDepositor(other.page, person, undefined, 'face', { account: newPhone, password: TEST_PASSWORD })
    await shot(other.page, 'security-phone-new-login')
    // and the old number no longer does
    const third = await phone(browser)
    await third.page.goto(webUrl('/pages/login/index'))
    await settled(third.page)
    await third.page.locator('.login__center').tap()
    await third.page.locator('.center-list__item', { hasText: '阿勒泰地区住房公积金管理中心' }).tap()
    await third.page.locator('.nut-overlay').waitFor({ state: 'hidden' })
    await third.page.locator('.login__account input').fill(person.phone)
    await third.page.locator('.login__password input').fill(TEST_PASSWORD)
    await third.page.locator('.login__submit .nut-button').first().tap()
    await vis(third.page, '.field-error', '账号或密码错误').waitFor()
    await shot(third.page, 'security-phone-old-refused')
  })
})

describe('密码修改', () => {
  test('changing the login password ends the session on another phone; the 12329 password changes too', async () => {
    const person = await makePerson()
    const first = await phone(browser)
    const second = await phone(browser)
    await loginDepositor(first.page, person, undefined, 'face', { password: TEST_PASSWORD })
    await loginDepositor(second.page, person, undefined, 'face', { password: TEST_PASSWORD })

    const page = first.page
    await tab(page, '我')
    await vis(page, '.nut-cell', '密码修改').waitFor()
    await settled(page)
    await tapCell(page, '密码修改')
    await vis(page, '.nut-cell', 'APP、微信、网厅密码修改').waitFor()
    await settled(page)
    await shot(page, 'security-password-menu')
    await tapCell(page, 'APP、微信、网厅密码修改')
    await vis(page, '.pw-oldPassword').waitFor()
    await settled(page)
    await fill(page, '.pw-oldPassword', TEST_PASSWORD)
    await fill(page, '.pw-newPassword', 'abc')
    await shot(page, 'security-app-password-policy')
    await fill(page, '.pw-newPassword', 'Brand#New2026')
    await fill(page, '.pw-confirmPassword', 'Brand#New2026')
    await shot(page, 'security-app-password-filled')
    await tapButton(page, '确认修改')
    await page.getByText('修改成功').waitFor()
    await modalOk(page).tap()

    // the other phone's session has ended: its next request sends it to the login page
    await tab(second.page, '我')
    await vis(second.page, '.nut-cell', '个人中心').waitFor()
    await settled(second.page)
    await tapCell(second.page, '个人中心')
    await second.page.getByText('登录已过期，请重新登录').first().waitFor()
    await vis(second.page, '.login__account').waitFor()
    await settled(second.page)
    await shot(second.page, 'security-other-session-ended')

    // 12329 语音热线、触摸屏密码
    await settled(page)
    await tapCell(page, '12329语音热线、触摸屏密码修改')
    await vis(page, '.pw-oldPassword').waitFor()
    await settled(page)
    await fill(page, '.pw-oldPassword', HOTLINE_PASSWORD)
    await fill(page, '.pw-newPassword', '123456')
    await fill(page, '.pw-confirmPassword', '123456')
    await tapButton(page, '确认修改')
    await vis(page, '.field-error', '密码不能是连续的数字').waitFor()
    await shot(page, 'security-hotline-refused')
    await fill(page, '.pw-newPassword', '358024')
    await fill(page, '.pw-confirmPassword', '358024')
    await tapButton(page, '确认修改')
    await page.getByText('修改成功').waitFor()
    await vis(page, '.taro-modal__title').waitFor()
    await page.waitForTimeout(800)
    await shot(page, 'security-hotline-done')
    await modalOk(page).tap()
    await first.context.close()
    await second.context.close()
  })
})

describe('忘记密码', () => {
  /** 登录 → 忘记密码 → the person's center, ID number and name → 下一步 */
  async function openReset(person: DemoPerson) {
    const { page } = await phone(browser)
    await page.goto(webUrl('/pages/login/index'))
    await settled(page)
    await tapText(page, '忘记密码')
    await vis(page, '.reset-id').waitFor()
    await settled(page)
    await vis(page, '.reset-center').tap()
    await popupSettled(page)
    await page.locator('.nut-cell', { hasText: '阿勒泰地区住房公积金管理中心' }).locator('visible=true').first().tap()
    await page.locator('.nut-overlay').waitFor({ state: 'hidden' })
    await fill(page, '.reset-id', idNumberOf(person))
    await fill(page, '.reset-name', person.name)
    return page
  }

  test('center, ID number and name, the code to the phone on record, a new password — then it logs in', async () => {
    const person = await makePerson()
    const page = await openReset(person)
    await shot(page, 'security-reset-identity')
    await tapButton(page, '下一步')

    await vis(page, '.reset-phone').waitFor()
    await expect(vis(page, '.reset-phone').textContent()).resolves.toBe(
      `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`,
    )
    const asked = Date.now()
    await tapButton(page, '获取验证码')
    const code = await codeSentTo(person.phone, asked)
    await page.getByText('验证码已发送').waitFor({ state: 'hidden' })
    await fill(page, '.reset-code', code)
    await fill(page, '.reset-new', 'Reset#2026ok')
    await fill(page, '.reset-confirm', 'Reset#2026ok')
    await shot(page, 'security-reset-filled')
    await tapButton(page, '提交')
    await page.getByText('密码已重置').waitFor()
    await vis(page, '.taro-modal__title').waitFor()
    await page.waitForTimeout(800)
    await shot(page, 'security-reset-done')
    await modalOk(page).tap()

    // the new password logs in (on a fresh phone, so the form starts empty)
    const fresh = await phone(browser)
    await loginDepositor(fresh.page, person, undefined, 'face', { password: 'Reset#2026ok' })
    await shot(fresh.page, 'security-reset-login')
  })

  test('刷脸 instead of the code (WeChat; the local verifier in H5): agreement, new password — then the new one logs in', async () => {
    const person = await makePerson()
    const page = await openReset(person)
    await tapButton(page, '下一步')
    await vis(page, '.reset-phone').waitFor()
    // 刷脸 needs a good new password first; the broken rule shows under the field
    await fill(page, '.reset-new', 'Ab1#')
    await tapButton(page, '使用刷脸验证')
    await page.getByText('密码至少8位').waitFor()
    await fill(page, '.reset-new', 'Face#2026ok')
    await fill(page, '.reset-confirm', 'Face#2026ok')
    await tapButton(page, '使用刷脸验证')
    await vis(page, '.verify__face-agree').waitFor()
    await popupSettled(page)
    await shot(page, 'security-reset-face-agreement')
    await vis(page, '.verify__face-agree').tap()
    await page.getByText('密码已重置').waitFor()
    await modalOk(page).tap()

    const fresh = await phone(browser)
    await loginDepositor(fresh.page, person, undefined, 'face', { password: 'Face#2026ok' })
    await shot(fresh.page, 'security-reset-face-login')
  })
})
