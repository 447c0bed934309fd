import { PRIVACY_VERSION } from '@gjj/shared/info/privacy'
import { privacyStatement } from '@gjj/shared/info/privacy-statement'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { demoPeople } from '../../functions/src/seed/demo'
import { back, launch, phone, settled, shot, skipAfterFailure, tab, tapText, vis, webUrl } from './browser'
import { loginDepositor } from './people'

/** 马晓军 (乌鲁木齐): no other browser test signs him in */
const ma = demoPeople[4] as (typeof demoPeople)[number]

/** the consent dialog's 【同意】 (ok) or 【不同意】 (cancel) */
const agreeButton = (p: Page, which: 'yes' | 'no') => vis(p, `.privacy-consent__${which}`)

/** manual 3 (新闻动态) and 7.3 (隐私声明): a fresh install, without logging in */
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launch()
  ;({ page } = await phone(browser, { freshPrivacy: true }))
})

afterAll(async () => {
  await browser?.close()
})

skipAfterFailure('info', () => ({ depositor: page }))

describe('a fresh install', () => {
  test('asks for consent to the 隐私声明 before anything else; 同意 keeps the version on the device', async () => {
    await page.goto(webUrl('/pages/login/index'))
    await vis(page, '.privacy-consent__summary').waitFor()
    await page.waitForTimeout(400)
    await shot(page, 'info-privacy-consent')
    await expect(vis(page, '.privacy-consent__summary').textContent()).resolves.toContain('欢迎使用手机公积金')
    await agreeButton(page, 'yes').tap()
    await vis(page, '.privacy-consent__summary').waitFor({ state: 'hidden' })
    const stored = await page.evaluate(() => localStorage.getItem('gjj.privacy'))
    expect(JSON.parse(stored ?? '{}')).toEqual({ data: PRIVACY_VERSION })
  })

  test("新闻动态 lists 阿勒泰's news newest first with the region notices marked 自治区", async () => {
    await settled(page)
    await page.locator('.login__center').tap()
    await page.locator('.center-list__item', { hasText: '阿勒泰地区住房公积金管理中心' }).tap()
    await page.locator('.nut-overlay').waitFor({ state: 'hidden' })
    // the login page has no tab bar: a person who has not logged in reaches the tabs by their address
    await page.goto(webUrl('/pages/news/index'))
    await vis(page, '.news-row').waitFor()
    await settled(page)
    await shot(page, 'info-news-list')
    await expect(vis(page, '.news-row', '自治区').count()).resolves.toBe(1)
    const dates = await page.locator('.news-row__date').locator('visible=true').allTextContents()
    expect(dates.length).toBeGreaterThan(1)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  test('an article shows its title, date, source and body; back returns to the list', async () => {
    const title = (await vis(page, '.news-row__title').textContent())?.replace(/自治区$/, '') ?? ''
    await vis(page, '.news-row').tap()
    await vis(page, '.article__title').waitFor()
    await settled(page)
    await shot(page, 'info-news-detail')
    await expect(vis(page, '.article__title').textContent()).resolves.toBe(title)
    await expect(vis(page, '.article__meta').textContent()).resolves.toContain('来源：')
    expect(((await vis(page, '.article__body').textContent()) ?? '').length).toBeGreaterThan(10)
    await back(page)
    await vis(page, '.news-row').waitFor()
  })

  test('我 → 隐私声明 shows the statement with its version and headings', async () => {
    await tab(page, '我')
    await settled(page)
    await vis(page, '.nut-cell', '隐私声明').tap()
    await vis(page, '.privacy__title').waitFor()
    await settled(page)
    await shot(page, 'info-privacy-statement')
    await expect(vis(page, '.privacy__version').textContent()).resolves.toContain(PRIVACY_VERSION)
    const headings = await page.locator('.privacy__heading').locator('visible=true').allTextContents()
    expect(headings).toEqual(privacyStatement.sections.map((s) => s.title))
  })
})

describe('不同意', () => {
  test('leaves the calculator usable and asks again for any other entry', async () => {
    const fresh = await phone(browser, { freshPrivacy: true })
    const p = fresh.page
    await p.goto(webUrl('/pages/business/index'))
    await vis(p, '.privacy-consent__summary').waitFor()
    await p.waitForTimeout(400)
    await agreeButton(p, 'no').tap()
    await vis(p, '.privacy-consent__summary').waitFor({ state: 'hidden' })
    await settled(p)
    await tapText(p, '我要提取')
    await vis(p, '.privacy-consent__summary').waitFor()
    await p.waitForTimeout(400)
    await agreeButton(p, 'no').tap()
    await vis(p, '.privacy-consent__summary').waitFor({ state: 'hidden' })
    await tapText(p, '房贷计算器')
    await p.waitForURL(/packages\/tools\/calculator/)
    await settled(p)
    await shot(p, 'info-declined-calculator')
    await fresh.context.close()
  })
})

describe('服务网点查询', () => {
  /** near 阿勒泰's outlets; the browser answers in WGS-84 */
  const here = { latitude: 47.845, longitude: 88.14 }

  test("lists 阿勒泰's outlets, sorts them by distance once located, and calls and navigates with their data", async () => {
    const fresh = await phone(browser, { geolocation: here, permissions: ['geolocation'] })
    const p = fresh.page
    // Taro's H5 openLocation goes to the WeChat JS-SDK (window.wx) when there is one; the stub records it
    await p.addInitScript(() => {
      const calls: unknown[] = []
      Object.assign(window, {
        __openLocation: calls,
        wx: {
          openLocation(o: Record<string, unknown> & { success?: (r: unknown) => void }) {
            calls.push({
              latitude: o.latitude,
              longitude: o.longitude,
              name: o.name,
              address: o.address,
              scale: o.scale,
            })
            o.success?.({ errMsg: 'openLocation:ok' })
          },
        },
      })
    })
    const cdp = await fresh.context.newCDPSession(p)
    const navigations: string[] = []
    await cdp.send('Page.enable')
    cdp.on('Page.frameRequestedNavigation', (e: { url: string }) => navigations.push(e.url))

    await p.goto(webUrl('/pages/login/index'))
    await settled(p)
    await p.locator('.login__center').tap()
    await p.locator('.center-list__item', { hasText: '阿勒泰地区住房公积金管理中心' }).tap()
    await p.locator('.nut-overlay').waitFor({ state: 'hidden' })
    await p.goto(webUrl('/pages/business/index'))
    await settled(p)
    await tapText(p, '服务网点查询')
    await vis(p, '.outlet').waitFor()
    await settled(p)
    await shot(p, 'info-outlets-by-name')
    await expect(p.locator('.outlet__distance').locator('visible=true').count()).resolves.toBe(0)

    // the button, not its text: NutUI's button takes the tap from the text inside it
    await vis(p, '.outlets__bar .nut-button').tap()
    await vis(p, '.outlet__distance').waitFor()
    await p.waitForTimeout(300)
    await shot(p, 'info-outlets-by-distance')
    const { apiUrl } = inject('e2e')
    const res = await fetch(
      `${apiUrl}/api/outlets?centerCode=C65430&latitude=${here.latitude}&longitude=${here.longitude}`,
    )
    const { outlets } = (await res.json()) as {
      outlets: { name: string; phone: string; address: string; latitude: number; longitude: number }[]
    }
    const names = await p.locator('.outlet__name').locator('visible=true').allTextContents()
    expect(names).toEqual(outlets.map((o) => o.name))
    await expect(p.locator('.outlet__distance').locator('visible=true').count()).resolves.toBe(outlets.length)
    const first = outlets[0] as (typeof outlets)[number]

    await vis(p, '.outlet__nav').tap()
    await expect
      .poll(() => p.evaluate(() => (window as unknown as { __openLocation: unknown[] }).__openLocation[0]))
      .toEqual({
        latitude: first.latitude,
        longitude: first.longitude,
        name: first.name,
        address: first.address,
        scale: 16,
      })
    // 【拨打电话】 last: after its tel: navigation headless Chromium stops delivering real input to
    // the page (seen: the next tap() times out, click() lands nowhere, the page itself is fine)
    await vis(p, '.outlet__call').tap()
    await expect.poll(() => navigations).toContain(`tel:${first.phone}`)

    // so the detail opens with a DOM click
    await vis(p, '.outlet__name').dispatchEvent('click')
    await vis(p, '.outlet__hours-line').waitFor()
    await settled(p)
    await shot(p, 'info-outlet-detail')
    await expect(vis(p, '.outlet__name').textContent()).resolves.toBe(first.name)
    await fresh.context.close()
  })
})

describe('撤回同意', () => {
  test('on the statement page takes the consent back: the app asks again and shows nothing but the summary', async () => {
    const fresh = await phone(browser)
    const p = fresh.page
    await p.goto(webUrl('/packages/info/privacy/index'))
    await vis(p, '.privacy__withdraw').waitFor()
    await settled(p)
    await vis(p, '.privacy__withdraw').scrollIntoViewIfNeeded()
    await expect(vis(p, '.privacy__state').textContent()).resolves.toBe('您已同意本隐私声明')
    await shot(p, 'info-privacy-withdraw-button')
    await vis(p, '.privacy__withdraw').tap()
    await vis(p, '.taro-model__confirm').waitFor()
    await p.waitForTimeout(300)
    await shot(p, 'info-privacy-withdraw-confirm')
    await vis(p, '.taro-model__confirm').click()
    await expect.poll(() => vis(p, '.privacy__state').textContent()).toBe('您尚未同意本隐私声明')
    await expect(p.evaluate(() => localStorage.getItem('gjj.privacy'))).resolves.toBeNull()
    await vis(p, '.privacy__agree').waitFor()
    await p.locator('.taro-model__confirm').locator('visible=true').waitFor({ state: 'hidden' })
    await p.waitForTimeout(400)
    await shot(p, 'info-privacy-withdrawn')

    // the next start asks before anything else, as on a fresh install
    await p.goto(webUrl('/pages/news/index'))
    await vis(p, '.privacy-consent__summary').waitFor()
    await p.waitForTimeout(400)
    await agreeButton(p, 'no').tap()
    await vis(p, '.privacy-consent__summary').waitFor({ state: 'hidden' })
    await expect(p.getByText('同意隐私声明后查看新闻动态').locator('visible=true').count()).resolves.toBe(1)
    await fresh.context.close()
  })
})

describe('撤回同意 when signed in', () => {
  test('is recorded on the server, then signs the person out', async () => {
    const fresh = await phone(browser)
    const p = fresh.page
    await loginDepositor(p, ma, undefined, 'face')
    await p.goto(webUrl('/packages/info/privacy/index'))
    await vis(p, '.privacy__withdraw').waitFor()
    await settled(p)
    await vis(p, '.privacy__withdraw').tap()
    await vis(p, '.taro-model__confirm').waitFor()
    await p.waitForTimeout(300)
    const recorded = p.waitForResponse((r) => r.url().includes('/api/privacy/withdraw'))
    await vis(p, '.taro-model__confirm').click()
    expect((await recorded).status()).toBe(200)
    await expect.poll(() => vis(p, '.privacy__state').textContent()).toBe('您尚未同意本隐私声明')
    await expect.poll(() => p.evaluate(() => localStorage.getItem('gjj.session'))).toBeNull()
    await fresh.context.close()
  })
})
