import { maskBankCard, maskIdNumber, withLuhnCheckDigit } from '@gjj/shared/validation'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoPeople, demoStaff, idNumberOf } from '../../functions/src/seed/demo'
import {
  back,
  fenOf,
  hasClass,
  launch,
  openFromTab,
  phone,
  popupSettled,
  rowValue,
  settled,
  shot,
  shotAt,
  skipAfterFailure,
  tapText,
  vis,
} from './browser'
import { cardImage, choose, noUploadsRunning, pdf, type Upload, uploadTo } from './files'
import {
  apiGet,
  approve,
  closeNotice,
  loginDepositor,
  loginReviewer,
  openFundAccount,
  openNotice,
  queueItem,
  reviewThumbsLoaded,
  submitForApproval,
  toQueue,
} from './people'

/**
 * Issue 5 as people would do it (manual 5.2): the retired 阿勒泰 depositor 张建国 applies for
 * 离、退休提取 (adds a new bank card, reads the 须知, uploads 身份证 and 银行卡 with progress bars,
 * 提交中心审批); the 阿勒泰 reviewer returns it with a reason; the depositor sees it in 待办事项,
 * replaces the 银行卡 file and resubmits; the reviewer approves; the account is then 0.00 and
 * 提取销户, and 流程信息查询 shows all five steps.
 */
const zhang = demoPeople[2] as (typeof demoPeople)[number]
const reviewer = demoStaff[0]
const RETURN_REASON = '银行卡材料为PDF且看不清卡号，请重新上传银行卡正面照片'

let browser: Browser
/** the depositor's phone */
let page: Page
let context: BrowserContext
let cdp: CDPSession
/** the reviewer's own browser session */
let staff: Page

const NEW_CARD = withLuhnCheckDigit('622202880012345678') // 19 digits

beforeAll(async () => {
  browser = await launch()
  ;({ context, page } = await phone(browser))
  // records, for every file being uploaded, that its progress bar was on screen and the highest % it showed
  await context.addInitScript(() => {
    const seen: Record<string, { bar: boolean; max: number }> = {}
    ;(window as unknown as { __uploads: typeof seen }).__uploads = seen
    const look = () => {
      for (const row of document.querySelectorAll('.archive__file--uploading')) {
        const name = row.querySelector('.archive__file-name')?.textContent ?? ''
        const bar = row.querySelector('.nut-progress')
        const meta = row.querySelector('.archive__file-meta')?.textContent ?? ''
        const rec = seen[name] ?? { bar: false, max: -1 }
        seen[name] = rec
        if (bar && bar.getBoundingClientRect().width > 0) rec.bar = true
        const m = /(\d+)%/.exec(meta)
        if (m) rec.max = Math.max(rec.max, Number(m[1]))
      }
    }
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true })
  })
  cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  ;({ page: staff } = await phone(browser))
})

/** the steps build on each other: after one fails, the rest are skipped instead of timing out */
skipAfterFailure('withdraw', () => ({ depositor: page, reviewer: staff }))

afterAll(async () => {
  await browser?.close()
})

/** upload throughput of the depositor's phone (bytes/s, -1: unthrottled) */
async function uploadSpeed(bytesPerSecond: number) {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  })
}

/** waits until a file's row shows its progress bar part-way (1–99 %) */
async function progressPartWay() {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.archive__file--uploading')].some(
        (row) =>
          (row as HTMLElement).offsetParent !== null &&
          row.querySelector('.nut-progress') !== null &&
          /^([1-9]|[1-9]\d)%$/.test((row.querySelector('.archive__file-meta')?.textContent ?? '').trim()),
      ),
    undefined,
    { timeout: 20_000, polling: 20 },
  )
}

async function uploadsSeen(): Promise<Record<string, { bar: boolean; max: number }>> {
  return page.evaluate(
    () => (window as unknown as { __uploads: Record<string, { bar: boolean; max: number }> }).__uploads,
  )
}

describe('离、退休提取 end to end', () => {
  let token = ''
  let applicationId = ''
  let totalFen = 0
  let files: { idFront: Upload; idBack: Upload; cardPdf: Upload; cardPhoto: Upload }

  test('the depositor logs in at 阿勒泰 (first-login verification 支付宝登录)', async () => {
    files = {
      idFront: await cardImage(browser, '身份证人像面.png', '居民身份证 人像面', 'image/png', 210),
      idBack: await cardImage(browser, '身份证国徽面.jpg', '居民身份证 国徽面', 'image/jpeg', 20),
      cardPdf: { name: 'bank-card.pdf', mimeType: 'application/pdf', buffer: pdf('Bank card (test sample)') },
      cardPhoto: await cardImage(browser, '银行卡正面.jpg', '中国工商银行 借记卡', 'image/jpeg', 120),
    }
    token = await loginDepositor(page, zhang)
  })

  test('业务办理 → 我要提取 lists 离、退休提取 as open to him', async () => {
    await openFromTab(page, '业务办理', '我要提取')
    const retirement = vis(page, '.kind--retirement')
    await retirement.waitFor()
    await settled(page)
    await expect(hasClass(retirement, 'kind--off')).resolves.toBe(false)
    await expect(retirement.textContent()).resolves.toContain('离、退休提取')
    // retired in 2021 and 退休封存 since last October (decision 83): 离退休提取 is open to a 封存 account
    await expect(vis(page, '.wd-banner__meta').textContent()).resolves.toContain('封存')
    await shot(page, 'withdraw-01-kinds')
    await retirement.tap()
  })

  test('the form shows 提取人姓名, the masked 证件号码 and 余额 + 销户利息 = 提取金额合计', async () => {
    await rowValue(page, '提取金额合计').waitFor()
    await settled(page)
    await expect(rowValue(page, '提取人姓名').textContent()).resolves.toBe(zhang.name)
    const id = idNumberOf(zhang)
    const masked = (await rowValue(page, '提取人证件号码').textContent()) ?? ''
    expect(masked).toBe(maskIdNumber(id))
    expect(masked).not.toContain(id.slice(4, 14))
    const balance = fenOf(await rowValue(page, '个人账户余额').textContent())
    const interest = fenOf(await rowValue(page, '销户利息').textContent())
    totalFen = fenOf(await rowValue(page, '提取金额合计').textContent())
    expect(balance).toBeGreaterThan(0)
    expect(interest).toBeGreaterThanOrEqual(0)
    expect(balance + interest).toBe(totalFen)
    await expect(vis(page, '.wd-notice-link__state').textContent()).resolves.toBe('请阅读后提交')
    await shot(page, 'withdraw-02-apply-form')
  })

  test('adds a new bank card (Luhn-valid, 19 digits) and it is chosen', async () => {
    await vis(page, '.wd-select').tap()
    await vis(page, '.wd-cards__add').waitFor()
    await popupSettled(page)
    await expect(page.locator('.wd-cards__item').locator('visible=true').count()).resolves.toBeGreaterThanOrEqual(1)
    await shot(page, 'withdraw-03-card-list')
    await vis(page, '.wd-cards__add').tap()
    await vis(page, '.wd-add-card__no input').waitFor()
    await page.waitForTimeout(400)
    await vis(page, '.wd-add-card__no input').fill(NEW_CARD)
    await vis(page, '.wd-add-card .wd-select').tap()
    await vis(page, '.nut-picker-confirm-btn').waitFor()
    await page.waitForTimeout(500)
    await vis(page, '.nut-picker-confirm-btn').tap()
    await vis(page, '.nut-picker-confirm-btn').waitFor({ state: 'hidden' })
    await page.waitForTimeout(300)
    await expect(vis(page, '.wd-add-card .wd-select').textContent()).resolves.toContain('中国工商银行')
    await shot(page, 'withdraw-04-add-card')
    await vis(page, '.wd-add-card__submit').tap()
    await vis(page, '.wd-add-card__submit').waitFor({ state: 'hidden' })
    const chosen = `中国工商银行 ${maskBankCard(NEW_CARD)}`
    await vis(page, '.wd-select', chosen).waitFor()
    await page.waitForTimeout(600)
    await shot(page, 'withdraw-05-card-chosen')
  })

  test('opens the 须知, taps 我知道了, then 上传档案', async () => {
    await openNotice(page)
    await expect(vis(page, '.wd-notice').textContent()).resolves.toContain('销户提取')
    await shot(page, 'withdraw-06-notice')
    await closeNotice(page)
    await expect(vis(page, '.wd-notice-link__state').textContent()).resolves.toBe('已阅读')

    await vis(page, '.apply__upload').tap()
    await vis(page, '#archive-idCard').waitFor()
    await settled(page)
    applicationId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''
    expect(applicationId).not.toBe('')
    // the retirement age is reached: 身份证 and 银行卡 required, 离、退休证明 optional
    await expect(vis(page, '#archive-idCard .tag').textContent()).resolves.toBe('必传')
    await expect(vis(page, '#archive-bankCard .tag').textContent()).resolves.toBe('必传')
    await expect(vis(page, '#archive-retirementCertificate .tag').textContent()).resolves.toBe('非必传')
    await expect(hasClass(vis(page, '.upload__submit'), 'nut-button-disabled')).resolves.toBe(true)
    await shot(page, 'withdraw-07-upload-empty')
  })

  test('uploads 身份证 (two images) and 银行卡 (a PDF) with a progress bar for each file', async () => {
    await uploadSpeed(48 * 1024)
    try {
      await choose(page, () => vis(page, '#archive-idCard .nut-button', '上传图片').tap(), [
        files.idFront,
        files.idBack,
      ])
      await progressPartWay()
      await page.waitForTimeout(350) // the bar's width transition
      await shot(page, 'withdraw-08-upload-progress')
      await vis(page, '#archive-idCard .archive__count', '已上传2个').waitFor({ timeout: 30_000 })
      await noUploadsRunning(page)

      await uploadTo(page, 'bankCard', '上传PDF', [files.cardPdf])
    } finally {
      await uploadSpeed(-1)
    }
    const seen = await uploadsSeen()
    for (const name of ['身份证人像面.jpg', '身份证国徽面.jpg', 'bank-card.pdf']) {
      expect(seen[name], `progress of ${name}`).toBeDefined()
      expect(seen[name]?.bar, `progress bar of ${name}`).toBe(true)
    }
    // the larger images were watched climbing part-way
    expect(Math.max(seen['身份证人像面.jpg']?.max ?? -1, seen['身份证国徽面.jpg']?.max ?? -1)).toBeGreaterThan(0)
    await expect(page.locator('#archive-idCard .archive__thumb').locator('visible=true').count()).resolves.toBe(2)
    await expect(vis(page, '#archive-bankCard .archive__file-name').textContent()).resolves.toBe('bank-card.pdf')
    await expect(hasClass(vis(page, '.upload__submit'), 'nut-button-disabled')).resolves.toBe(false)
    await shotAt(page, '.upload__submit', 'withdraw-09-uploaded')
  })

  test('提交中心审批 → 是否提交中心审批 → 确定 leads to 流程信息查询', async () => {
    await submitForApproval(page, 'withdraw-10-submit-confirm')
    await vis(page, '.timeline__item').waitFor({ timeout: 15_000 })
    await settled(page)
    await expect(vis(page, '.tag', '待审批').count()).resolves.toBe(1)
    await expect(page.locator('.timeline__item').locator('visible=true').count()).resolves.toBe(2)
    await shotAt(page, '.timeline', 'withdraw-11-submitted')
  })

  test('the 阿勒泰 reviewer logs in and sees it in the queue', async () => {
    await loginReviewer(staff, reviewer, 'withdraw-12-admin-login')
    const item = queueItem(staff, zhang)
    await item.waitFor({ timeout: 15_000 })
    await settled(staff)
    await expect(item.textContent()).resolves.toContain('离、退休提取')
    await expect(vis(staff, '.reviewer__center').textContent()).resolves.toContain('阿勒泰')
    await shot(staff, 'withdraw-13-admin-queue')
    await item.tap()
  })

  test('the review shows the archive thumbnails; the reviewer returns it with a reason', async () => {
    await vis(staff, '.review-bar__button', '退回').waitFor()
    await settled(staff)
    await expect(vis(staff, '.summary__amount-value').textContent().then(fenOf)).resolves.toBe(totalFen)
    const thumbs = staff.locator('.review .archive__thumb').locator('visible=true')
    await thumbs.first().scrollIntoViewIfNeeded()
    await expect(thumbs.count()).resolves.toBe(2)
    await reviewThumbsLoaded(staff, 2)
    await expect(vis(staff, '.archive__pdf-name').textContent()).resolves.toBe('bank-card.pdf')
    await staff.waitForTimeout(300)
    await shot(staff, 'withdraw-14-admin-detail-archive')

    const review = staff.url()
    await vis(staff, '.review-bar__button', '退回').tap()
    await vis(staff, '.review-dialog__text textarea').waitFor()
    await staff.waitForTimeout(400)
    await vis(staff, '.review-dialog__text textarea').fill(RETURN_REASON)
    await shot(staff, 'withdraw-15-admin-return-dialog')
    await vis(staff, '.nut-dialog-footer-ok').tap()
    await vis(staff, '.summary__status', '退回').waitFor()
    await expect(staff.locator('.review-bar').locator('visible=true').count()).resolves.toBe(0)
    await shot(staff, 'withdraw-16-admin-returned')
    // then the console moves on by itself: the next waiting application, or the queue (issue 13)
    await staff.waitForURL((u) => u.toString() !== review)
    await toQueue(staff)
  })

  test('the depositor finds it in 我的业务 → 待办事项 with the reason', async () => {
    await back(page) // 流程信息查询 → 我要提取
    await back(page) // → 业务办理
    await tapText(page, '我的业务')
    const card = vis(page, '.app-card', '离、退休提取')
    await card.waitFor()
    await settled(page)
    await expect(card.locator('.app-card__reason').textContent()).resolves.toBe(`退回原因：${RETURN_REASON}`)
    await expect(card.textContent()).resolves.toContain('退回')
    await shot(page, 'withdraw-17-todo')
    await card.locator('.app-card__action', { hasText: '修改重新上传' }).tap()
    await vis(page, '.wd-return-reason').waitFor()
    await rowValue(page, '提取金额合计').waitFor()
    await vis(page, '.wd-select', maskBankCard(NEW_CARD)).waitFor()
    await settled(page)
    await expect(vis(page, '.wd-return-reason').textContent()).resolves.toContain(RETURN_REASON)
    await shot(page, 'withdraw-18-resubmit-form')
  })

  test('修改重新上传: replaces the 银行卡 PDF with a photo and resubmits', async () => {
    await vis(page, '.apply__upload').tap()
    await vis(page, '#archive-bankCard .archive__replace').waitFor()
    await settled(page)
    await expect(vis(page, '.wd-return-reason').textContent()).resolves.toContain(RETURN_REASON)

    await uploadSpeed(48 * 1024)
    try {
      await choose(page, async () => {
        await vis(page, '#archive-bankCard .archive__replace').tap()
        await tapText(page, '选择图片')
      }, [files.cardPhoto])
      await progressPartWay()
      await vis(page, '#archive-bankCard').scrollIntoViewIfNeeded()
      await page.waitForTimeout(350)
      await shot(page, 'withdraw-19-replace-progress')
      await page
        .locator('#archive-bankCard .archive__file-name', { hasText: 'bank-card.pdf' })
        .locator('visible=true')
        .waitFor({ state: 'detached', timeout: 30_000 })
      await noUploadsRunning(page)
    } finally {
      await uploadSpeed(-1)
    }
    expect((await uploadsSeen())['银行卡正面.jpg']?.bar).toBe(true)
    await expect(vis(page, '#archive-bankCard .archive__count').textContent()).resolves.toBe('已上传1个')
    await expect(vis(page, '#archive-bankCard .archive__file-name').textContent()).resolves.toBe('银行卡正面.jpg')

    // the 须知 is read again for the new submission
    await openNotice(page)
    await closeNotice(page)
    await shotAt(page, '#archive-bankCard', 'withdraw-20-replaced')

    await submitForApproval(page, 'withdraw-21-resubmit-confirm')
    await vis(page, '.timeline__item--resubmit').waitFor({ timeout: 15_000 })
    await settled(page)
    await expect(vis(page, '.tag', '待审批').count()).resolves.toBe(1)
    await expect(page.locator('.timeline__item').locator('visible=true').count()).resolves.toBe(4)
    await shotAt(page, '.timeline', 'withdraw-22-resubmitted')
  })

  test('the reviewer approves it', async () => {
    await settled(staff)
    await vis(staff, '.filters__link', '刷新').tap()
    const item = queueItem(staff, zhang)
    await item.waitFor({ timeout: 15_000 })
    await item.tap()
    await vis(staff, '.review-bar__button', '审批通过').waitFor()
    await settled(staff)
    // the thumbnails load lazily, once in view
    await vis(staff, '.review .archive__thumb').scrollIntoViewIfNeeded()
    await reviewThumbsLoaded(staff, 3)
    await approve(staff, '材料齐全，同意提取', {
      dialog: 'withdraw-23-admin-approve-dialog',
      approved: 'withdraw-24-admin-approved',
    })
  })

  test('账户查询 → 公积金账户查询 shows 0.00 and 提取销户; the API agrees', async () => {
    await back(page) // 流程信息查询 → 我的业务
    await back(page) // → 业务办理
    await openFundAccount(page)
    await expect(vis(page, '.fund__balance').textContent()).resolves.toBe('0.00')
    await expect(vis(page, '.fund__meta').textContent()).resolves.toContain('账户状态：提取销户')
    await shot(page, 'withdraw-25-fund-closed')

    const { account } = await apiGet<{ account: { balanceFen: number; status: { code: string } } }>(
      token,
      '/api/account?limit=1',
    )
    expect(account.balanceFen).toBe(0)
    expect(account.status.code).toBe('05')
    await back(page)
  })

  test('我的业务 → 我发起的 → 查看: 流程信息查询 shows all five steps', async () => {
    await openFromTab(page, '业务办理', '我的业务')
    await vis(page, '.nut-tabs').waitFor()
    await settled(page)
    await expect(vis(page, '.empty').textContent()).resolves.toBe('暂无待办事项')
    await tapText(page, '我发起的')
    const card = vis(page, '.app-card', '离、退休提取')
    await card.waitFor()
    await expect(card.textContent()).resolves.toContain('审批通过')
    await card.locator('.app-card__action', { hasText: '查看' }).tap()
    await vis(page, '.timeline__item').waitFor()
    await settled(page)
    await expect(rowValue(page, '申请编号').textContent()).resolves.toBe(applicationId)
    await expect(rowValue(page, '提取金额合计').textContent().then(fenOf)).resolves.toBe(totalFen)
    await expect(page.locator('.detail__resubmit, .detail__end').locator('visible=true').count()).resolves.toBe(0)
    const steps = await page.locator('.timeline__item .timeline__action').locator('visible=true').allTextContents()
    // newest first
    expect(steps).toEqual(['审批通过', '修改后重新提交', '审批退回', '提交中心审批', '填写申请'])
    await expect(vis(page, '.timeline__opinion--return').textContent()).resolves.toBe(`退回原因：${RETURN_REASON}`)
    await shotAt(page, '.timeline', 'withdraw-26-timeline')
  })
})
