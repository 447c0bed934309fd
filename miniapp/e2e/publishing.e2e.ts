import type { Browser, BrowserContext, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_STAFF_PASSWORD } from '../../functions/src/seed/demo'
import { launch, phone, settled, shot, skipAfterFailure, tapText, vis, webUrl } from './browser'

/**
 * Issue 10, the center side: a publisher of 阿勒泰 writes a news item in the review console (cover,
 * headings, a picture, a link to other news), previews it, publishes it; a depositor's phone sees it
 * in 新闻动态 with the cover's thumbnail, and a link to it shared to a chat opens behind the 隐私声明
 * summary; the publisher withdraws it and the link answers that it is gone. Then the publisher
 * changes an outlet's Saturday hours and 服务网点 shows them.
 *
 * The console runs at a desk (1280×900); the depositors' phones at 375×812. Public answers may be
 * cached for a minute (decision 39), so each "the depositor sees" step opens a fresh phone.
 */
let browser: Browser
let desk: BrowserContext
let staff: Page
let depositor: Page

const TITLE = `冬季服务提示 ${Date.now().toString(36)}`
let newsId = ''

/** a picture of `width` × `height` (a colour gradient), as PNG bytes */
function picture(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      png.data[i] = 26 + Math.round((x / width) * 80)
      png.data[i + 1] = 95 + Math.round((y / height) * 100)
      png.data[i + 2] = 180
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}

/** taps what opens the file chooser, and chooses a PNG */
async function choosePicture(p: Page, opener: string, name: string, width: number, height: number) {
  const chooser = p.waitForEvent('filechooser')
  await vis(p, opener).click()
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: picture(width, height) })
}

/** Taro's modal 【确定】-side button, whatever it is called */
const confirmModal = (p: Page) => vis(p, '.taro-model__confirm')

/** a depositor's phone that has chosen 阿勒泰 on the login page */
async function altayPhone(options: { freshPrivacy?: boolean } = {}): Promise<Page> {
  const { page } = await phone(browser, options)
  await page.goto(webUrl('/pages/login/index'))
  await settled(page)
  await page.locator('.login__center').tap()
  await page.locator('.center-list__item', { hasText: '阿勒泰地区住房公积金管理中心' }).tap()
  await page.locator('.nut-overlay').waitFor({ state: 'hidden' })
  return page
}

beforeAll(async () => {
  browser = await launch()
  desk = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  staff = await desk.newPage()
})

afterAll(async () => {
  await browser?.close()
})

skipAfterFailure('publish', () => ({ staff, ...(depositor ? { depositor } : {}) }))

describe('a publisher of 阿勒泰 in the review console', () => {
  test('signs in and lands on 新闻管理, with 网点管理 beside it and no 审批', async () => {
    await staff.goto(webUrl('/packages/admin/login/index'))
    await settled(staff)
    await vis(staff, '.admin-login__username input').fill('altay.publisher')
    await vis(staff, '.admin-login__password input').fill(DEMO_STAFF_PASSWORD)
    await vis(staff, '.admin-login__submit .nut-button').tap()
    await vis(staff, '.news-desk__item').waitFor()
    await settled(staff)
    await shot(staff, 'publish-01-news-desk')
    const sections = await staff.locator('.console-nav__item').locator('visible=true').allTextContents()
    expect(sections).toEqual(['新闻管理', '网点管理'])
    await expect(vis(staff, '.reviewer__center').textContent()).resolves.toBe('阿勒泰地区住房公积金管理中心')
  })

  test('writes an article: title with its limit, a cover, headings, a paragraph, a picture and a news link', async () => {
    await vis(staff, '.news-desk__new').tap()
    await vis(staff, '.news-edit__title input').waitFor()
    await settled(staff)
    await vis(staff, '.news-edit__title input').fill(TITLE)
    await expect(vis(staff, '.news-edit__count').textContent()).resolves.toBe(`${Array.from(TITLE).length}/60`)

    await choosePicture(staff, '.news-edit__cover-upload', '封面.png', 960, 540)
    await vis(staff, '.news-edit__cover').waitFor()

    const area = vis(staff, '.body-editor__area')
    await area.click()
    await staff.keyboard.type('服务大厅冬季营业时间')
    await vis(staff, '.body-editor__tool--h2').click()
    await staff.keyboard.press('End')
    await staff.keyboard.press('Enter')
    await vis(staff, '.body-editor__tool--p').click()
    await staff.keyboard.type('自本月起，服务大厅上午 10:30 开门，下午 19:00 下班，午休 14:00 至 15:30。')
    await staff.keyboard.press('Enter')
    await choosePicture(staff, '.body-editor__tool--image', '大厅.png', 640, 360)
    await expect.poll(() => area.locator('img').count()).toBe(1)
    await staff.keyboard.press('Enter')
    await staff.keyboard.type('另见：')
    await vis(staff, '.body-editor__tool--link').click()
    await vis(staff, '.news-edit__link').waitFor()
    await staff.waitForTimeout(400)
    await vis(staff, '.news-edit__link').click()
    await expect.poll(() => area.locator('a[href^="/news/"]').count()).toBe(1)
    await vis(staff, '.news-edit__links').waitFor({ state: 'hidden' })
    await expect.poll(() => staff.locator('.nut-overlay').locator('visible=true').count()).toBe(0)
    await area.scrollIntoViewIfNeeded()
    await shot(staff, 'publish-02-editor')
  })

  test('预览 shows the article as depositors will: the heading, the paragraph, the picture, the cover', async () => {
    await vis(staff, '.news-edit__preview').tap()
    const frame = vis(staff, '.news-edit__preview-frame')
    await frame.locator('.article__title').waitFor()
    await staff.waitForTimeout(500)
    await shot(staff, 'publish-03-preview')
    await expect(frame.locator('.article__title').textContent()).resolves.toBe(TITLE)
    await expect(frame.locator('.article__body h2').textContent()).resolves.toBe('服务大厅冬季营业时间')
    await expect(frame.locator('.article__body img').count()).resolves.toBe(1)
    await expect(frame.locator('.article__cover').count()).resolves.toBe(1)
    await expect(frame.textContent()).resolves.toContain('来源：阿勒泰地区住房公积金管理中心')
    await vis(staff, '.nut-popup .nut-popup-title-right, .nut-popup .nut-popup-close').click()
    await frame.waitFor({ state: 'hidden' })
  })

  test('发布 asks first, then the article is 已发布', async () => {
    await vis(staff, '.news-edit__publish').tap()
    await confirmModal(staff).waitFor()
    await staff.waitForTimeout(300)
    await shot(staff, 'publish-04-confirm')
    await confirmModal(staff).click()
    await vis(staff, '.news-edit__unpublish').waitFor()
    await expect(vis(staff, '.news-edit__state').textContent()).resolves.toContain('已发布')
    await shot(staff, 'publish-05-published')
  })
})

describe('a depositor of 阿勒泰', () => {
  test('sees it first in 新闻动态 with the thumbnail, and opens it with the original cover', async () => {
    depositor = await altayPhone()
    await depositor.goto(webUrl('/pages/news/index'))
    await vis(depositor, '.news-row').waitFor()
    await settled(depositor)
    await shot(depositor, 'publish-06-depositor-list')
    await expect(vis(depositor, '.news-row__title').textContent()).resolves.toBe(TITLE)
    const thumb = await vis(depositor, '.news-row__cover img, img.news-row__cover').getAttribute('src')
    expect(thumb).toMatch(/\.thumb\.jpg$/)

    await vis(depositor, '.news-row').tap()
    await vis(depositor, '.article__title').waitFor()
    await settled(depositor)
    await depositor.waitForTimeout(500)
    await shot(depositor, 'publish-07-depositor-article')
    await expect(vis(depositor, '.article__title').textContent()).resolves.toBe(TITLE)
    await expect(vis(depositor, '.article__body h2').textContent()).resolves.toBe('服务大厅冬季营业时间')
    const cover = await vis(depositor, '.article__cover img, img.article__cover').getAttribute('src')
    expect(cover).toMatch(/\.png$/)
    await expect(vis(depositor, '.section-title', '相关新闻').count()).resolves.toBe(1)
    newsId = new URL(depositor.url().replace('#', '')).searchParams.get('id') ?? ''
    expect(newsId).toMatch(/^N/)
  })

  test('a link to it shared to a chat opens behind the 隐私声明 summary on a new phone, then the article', async () => {
    const { page } = await phone(browser, { freshPrivacy: true })
    await page.goto(webUrl(`/packages/info/news-detail/index?id=${newsId}&center=C65430`))
    await vis(page, '.privacy-consent__summary').waitFor()
    await page.waitForTimeout(400)
    await shot(page, 'publish-08-shared-link-consent')
    await expect(page.locator('.article__title').locator('visible=true').count()).resolves.toBe(0)
    await vis(page, '.privacy-consent__yes').tap()
    await vis(page, '.article__title').waitFor()
    await expect(vis(page, '.article__title').textContent()).resolves.toBe(TITLE)
    await page.context().close()
  })
})

describe('撤回发布', () => {
  test('asks first; the article is a draft again and the shared link says it is gone', async () => {
    await vis(staff, '.news-edit__unpublish').tap()
    await confirmModal(staff).waitFor()
    await staff.waitForTimeout(300)
    await confirmModal(staff).click()
    await vis(staff, '.news-edit__publish').waitFor()
    await expect(vis(staff, '.news-edit__state').textContent()).resolves.toContain('草稿')
    await shot(staff, 'publish-09-unpublished')

    const fresh = await altayPhone()
    await fresh.goto(webUrl(`/packages/info/news-detail/index?id=${newsId}&center=C65430`))
    await fresh.getByText('未找到该新闻，可能已撤下').locator('visible=true').waitFor()
    await settled(fresh)
    await shot(fresh, 'publish-10-depositor-gone')
    await fresh.goto(webUrl('/pages/news/index'))
    await vis(fresh, '.news-row').waitFor()
    const titles = await fresh.locator('.news-row__title').locator('visible=true').allTextContents()
    expect(titles).not.toContain(TITLE)
    await fresh.context().close()
  })
})

describe('网点管理', () => {
  let outletName = ''

  test('the publisher opens an outlet and adds Saturday hours', async () => {
    await staff.goto(webUrl('/packages/admin/outlets/index'))
    await vis(staff, '.outlet-desk__item').waitFor()
    await settled(staff)
    await shot(staff, 'publish-11-outlet-desk')
    outletName = ((await vis(staff, '.outlet-desk__item .console-item__title').textContent()) ?? '').replace(
      /(服务大厅|受理点)$/,
      '',
    )
    await vis(staff, '.outlet-desk__item').click()
    await vis(staff, '.outlet-edit__name input').waitFor()
    await settled(staff)
    await expect(vis(staff, '.outlet-edit__name input').inputValue()).resolves.toBe(outletName)

    const saturday = vis(staff, '.outlet-edit__day--6')
    await expect(saturday.locator('.outlet-edit__period').count()).resolves.toBe(0)
    await saturday.locator('.outlet-edit__add').click()
    await saturday.locator('.outlet-edit__open input').fill('10:00')
    await saturday.locator('.outlet-edit__close input').fill('13:00')
    await saturday.scrollIntoViewIfNeeded()
    await shot(staff, 'publish-12-outlet-hours')
    await vis(staff, '.outlet-edit__save').tap()
    await staff.getByText('已保存').locator('visible=true').waitFor()
  })

  test('hours that end before they start are refused next to the day, in Chinese', async () => {
    const saturday = vis(staff, '.outlet-edit__day--6')
    await saturday.locator('.outlet-edit__close input').fill('09:00')
    await vis(staff, '.outlet-edit__save').tap()
    await saturday.getByText('结束时间应晚于开始时间').waitFor()
    await saturday.scrollIntoViewIfNeeded()
    await shot(staff, 'publish-13-outlet-bad-hours')
    await saturday.locator('.outlet-edit__close input').fill('13:00')
  })

  test('a depositor sees the Saturday hours in 服务网点', async () => {
    const p = await altayPhone()
    await p.goto(webUrl('/pages/business/index'))
    await settled(p)
    await tapText(p, '服务网点查询')
    await vis(p, '.outlet').waitFor()
    await settled(p)
    await vis(p, '.outlet__name', outletName).tap()
    await vis(p, '.outlet__hours-line').waitFor()
    await settled(p)
    await shot(p, 'publish-14-depositor-outlet')
    const lines = await p.locator('.outlet__hours-line').locator('visible=true').allTextContents()
    expect(lines).toContain('周六 10:00–13:00')
    await p.context().close()
  })

  test('the publisher takes the Saturday hours out again', async () => {
    const saturday = vis(staff, '.outlet-edit__day--6')
    await saturday.locator('.outlet-edit__remove').click()
    await expect(saturday.locator('.outlet-edit__period').count()).resolves.toBe(0)
    await vis(staff, '.outlet-edit__save').tap()
    await staff.getByText('已保存').locator('visible=true').waitFor()
  })
})

describe('the region admin', () => {
  test('switches 新闻管理 between 本中心新闻 and 自治区通知, and has no 审批', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    const p = await context.newPage()
    await p.goto(webUrl('/packages/admin/login/index'))
    await settled(p)
    await vis(p, '.admin-login__username input').fill('region.admin')
    await vis(p, '.admin-login__password input').fill(DEMO_STAFF_PASSWORD)
    await vis(p, '.admin-login__submit .nut-button').tap()
    await vis(p, '.news-desk__scope--region').waitFor()
    await settled(p)
    const sections = await p.locator('.console-nav__item').locator('visible=true').allTextContents()
    expect(sections).toEqual(['新闻管理', '网点管理'])
    await vis(p, '.news-desk__scope--region').click()
    await vis(p, '.news-desk__item', '自治区').waitFor()
    await expect(vis(p, '.news-desk__new').textContent()).resolves.toBe('新建自治区通知')
    await shot(p, 'publish-15-region-desk')
    const items = p.locator('.news-desk__item').locator('visible=true')
    const count = await items.count()
    for (let i = 0; i < count; i++) await expect(items.nth(i).textContent()).resolves.toContain('自治区')
    await context.close()
  })
})
