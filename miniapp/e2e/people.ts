import { maskIdNumber } from '@gjj/shared/validation'
import type { Locator, Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { demoCenters } from '../../functions/src/seed/centers'
import {
  DEMO_PASSWORD,
  DEMO_STAFF_PASSWORD,
  type DemoPerson,
  type demoStaff,
  idNumberOf,
} from '../../functions/src/seed/demo'
import { modalOk, openFromTab, popupSettled, settled, shot, shotAt, vis, webUrl } from './browser'

/** What the demo depositors and reviewers do in more than one browser test. */

/**
 * Logs a depositor in: their center, phone and password, then 首次登录验证 with 支付宝登录 or
 * 刷脸登录 (the local verifier). Returns the session token, checked to be there. `shots` names the
 * screenshots of the filled form and of the verification popup, where a test wants them.
 * 支付宝登录 binds the person to this browser's Alipay account, so a person who logs in from
 * more than one test file uses 刷脸登录 in all but one.
 */
export async function loginDepositor(
  page: Page,
  person: DemoPerson,
  shots?: { filled: string; verification: string },
  method: 'alipay' | 'face' = 'alipay',
  login: { account?: string; password?: string } = {},
): Promise<string> {
  const center = demoCenters.find((c) => c.code === person.centerCode)?.name ?? person.centerCode
  await page.goto(webUrl('/pages/login/index'))
  await settled(page)
  await page.locator('.login__center').tap()
  await page.locator('.center-list__item', { hasText: center }).tap()
  await page.locator('.nut-overlay').waitFor({ state: 'hidden' })
  await page.locator('.login__account input').fill(login.account ?? person.phone)
  await page.locator('.login__password input').fill(login.password ?? DEMO_PASSWORD)
  if (shots) await shot(page, shots.filled)
  await page.locator('.login__submit button, .login__submit .nut-button').first().tap()
  await page.getByText('首次登录验证').waitFor()
  await popupSettled(page)
  if (shots) await shot(page, shots.verification)
  if (method === 'alipay') {
    await page.locator('.verify__alipay').tap()
  } else {
    await page.locator('.verify__face').tap()
    await vis(page, '.verify__face-agree').waitFor()
    await popupSettled(page)
    await vis(page, '.verify__face-agree').tap()
  }
  await page.getByText('公积金账户查询').waitFor()
  await settled(page)
  const token = await page.evaluate(() => {
    const raw = localStorage.getItem('gjj.session') ?? ''
    try {
      return (JSON.parse(raw) as { data: string }).data
    } catch {
      return raw
    }
  })
  expect(token.length).toBeGreaterThan(20)
  return token
}

/** GET on the API with a depositor's session token; expects 200 */
export async function apiGet<T>(token: string, path: string): Promise<T> {
  const { apiUrl } = inject('e2e')
  const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

/** 账户查询 → 公积金账户查询, until the balance and the newest ledger entry are shown */
export async function openFundAccount(page: Page): Promise<void> {
  await openFromTab(page, '账户查询', '公积金账户查询')
  await vis(page, '.fund__balance').waitFor()
  await vis(page, '.expand').waitFor()
  await settled(page)
}

/** opens the withdrawal form's 须知 */
export async function openNotice(page: Page): Promise<void> {
  await vis(page, '.wd-notice-link__title').tap()
  await vis(page, '.wd-notice__ok').waitFor()
  await popupSettled(page)
}

/** closes the 须知 with 我知道了 */
export async function closeNotice(page: Page): Promise<void> {
  await vis(page, '.wd-notice__ok').tap()
  await vis(page, '.wd-notice__ok').waitFor({ state: 'hidden' })
}

/** 【提交中心审批】 on the upload page, a screenshot of 是否提交中心审批, then 【确定】 */
export async function submitForApproval(page: Page, confirmShot: string): Promise<void> {
  await vis(page, '.upload__submit').tap()
  await page.getByText('是否提交中心审批').locator('visible=true').waitFor()
  await page.waitForTimeout(300)
  await shot(page, confirmShot)
  await modalOk(page).tap()
}

/** Logs a reviewer in on the review console; `filledShot` names a screenshot of the filled form. */
export async function loginReviewer(
  page: Page,
  reviewer: (typeof demoStaff)[number],
  filledShot?: string,
): Promise<void> {
  await page.goto(webUrl('/packages/admin/login/index'))
  await settled(page)
  await vis(page, '.admin-login__username input').fill(reviewer.username)
  await vis(page, '.admin-login__password input').fill(DEMO_STAFF_PASSWORD)
  if (filledShot) await shot(page, filledShot)
  await vis(page, '.admin-login__submit .nut-button').tap()
}

/** the reviewer's queue entry of a depositor's application (found by the masked 证件号码) */
export const queueItem = (page: Page, person: DemoPerson): Locator =>
  vis(page, '.queue-item', maskIdNumber(idNumberOf(person)))

/** waits until the review page shows `count` archive thumbnails, all loaded */
export async function reviewThumbsLoaded(page: Page, count: number): Promise<void> {
  await page.waitForFunction((count) => {
    const imgs = [...document.querySelectorAll('.review .archive__thumb img')] as HTMLImageElement[]
    return imgs.length === count && imgs.every((i) => i.complete && i.naturalWidth > 0)
  }, count)
}

/**
 * 【审批通过】 with an opinion: the dialog shot as `shots.dialog`, the approved review's summary as
 * `shots.approved`; then the console moves on by itself (the next waiting application, or the
 * queue: issue 13) and the reviewer is taken back to the queue.
 */
export async function approve(
  page: Page,
  opinion: string,
  shots: { dialog?: string; approved?: string } = {},
): Promise<void> {
  const review = page.url()
  await vis(page, '.review-bar__button', '审批通过').tap()
  await vis(page, '.nut-dialog-footer-ok').waitFor()
  await page.waitForTimeout(400)
  await vis(page, '.review-dialog__text textarea').fill(opinion)
  if (shots.dialog) await shot(page, shots.dialog)
  await vis(page, '.nut-dialog-footer-ok').tap()
  await vis(page, '.summary__status', '审批通过').waitFor()
  if (shots.approved) await shotAt(page, '.summary', shots.approved)
  await page.waitForURL((u) => u.toString() !== review)
  await toQueue(page)
}

/** the console back at its queue: from a review (its 审批列表 link), or already there */
export async function toQueue(page: Page): Promise<void> {
  await page.waitForURL(/packages\/admin\/(queue|detail)\/index/)
  if (/packages\/admin\/detail\/index/.test(page.url())) await vis(page, '.detail-back').tap()
  await page.waitForURL(/packages\/admin\/queue\/index/)
  await vis(page, '.filters__link', '刷新').waitFor()
}
